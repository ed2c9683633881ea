import { describe, expect, it } from 'vitest';
import { BarBuffer } from './bar-buffer';
import { MIN, columns, liveBar } from './testing/chart-fixtures';

const bar = liveBar;

describe('BarBuffer', () => {
  it('keeps bars oldest first in seconds for the chart', () => {
    const buffer = new BarBuffer();
    buffer.reset(columns([1, 2, 3]));
    expect(buffer.length).toBe(3);
    expect(buffer.chartTime).toEqual([60, 120, 180]);
    expect(buffer.firstTime).toBe(MIN);
    expect(buffer.lastTime).toBe(3 * MIN);
  });

  it('drops bars that are out of order or repeated', () => {
    const buffer = new BarBuffer();
    buffer.reset(columns([1, 3, 2, 3, 4]));
    expect(buffer.time).toEqual([1, 3, 4].map((m) => m * MIN));
  });

  it('shifts by the zone offset and stays strictly increasing through a fold', () => {
    // Offset drops by an hour between minute 2 and 3 (clocks go back).
    const buffer = new BarBuffer((ms) => (ms < 3 * MIN ? 3_600_000 : 0));
    buffer.reset(columns([1, 2, 3, 4]));
    expect(buffer.chartTime).toEqual([3660, 3720, 3721, 3722]);
    buffer.apply(bar(5, 1));
    expect(buffer.chartTime.at(-1)).toBe(3723);
  });

  it('prepends only older bars and reports how many', () => {
    const buffer = new BarBuffer();
    buffer.reset(columns([5, 6, 7]));
    expect(buffer.prepend(columns([2, 3, 4, 5, 6]))).toBe(3);
    expect(buffer.time).toEqual([2, 3, 4, 5, 6, 7].map((m) => m * MIN));
    expect(buffer.close).toEqual([2.5, 3.5, 4.5, 5.5, 6.5, 7.5]);
    expect(buffer.chartTime).toEqual([120, 180, 240, 300, 360, 420]);
    expect(buffer.prepend(columns([8]))).toBe(0);
  });

  it('replaces the last bar, appends a newer one and corrects an older loaded one', () => {
    const buffer = new BarBuffer();
    buffer.reset(columns([1, 2, 3]));
    expect(buffer.apply(bar(3, 9))).toEqual({ kind: 'replace', index: 2 });
    expect(buffer.close[2]).toBe(9);
    expect(buffer.apply(bar(4, 10))).toEqual({ kind: 'append', index: 3 });
    expect(buffer.apply(bar(2, 7))).toEqual({ kind: 'historical', index: 1 });
    expect(buffer.close[1]).toBe(7);
    expect(buffer.apply(bar(0, 1))).toEqual({ kind: 'stale' });
    expect(buffer.length).toBe(4);
  });

  it('starts from nothing with a live bar', () => {
    const buffer = new BarBuffer();
    expect(buffer.apply(bar(1, 5))).toEqual({ kind: 'append', index: 0 });
    expect(buffer.indexOf(MIN)).toBe(0);
    expect(buffer.indexOf(2 * MIN)).toBe(-1);
  });
});
