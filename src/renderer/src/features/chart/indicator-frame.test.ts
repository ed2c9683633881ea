import { describe, expect, it } from 'vitest';
import type { IndicatorKind } from '@shared/dto/indicators';
import { latestValuesAt, lowerBound, mergeTail, valuesAt, type IndicatorFrame } from './indicator-frame';

function frame(time: number[], kind: IndicatorKind, ...lines: (number | null)[][]): IndicatorFrame {
  return { time, series: [{ id: `${kind}-1`, kind, lines: lines.map((values, i) => ({ name: `line${i}`, values })) }] };
}

describe('lowerBound', () => {
  it('finds the first time at or after a value', () => {
    expect(lowerBound([1, 3, 5], 3)).toBe(1);
    expect(lowerBound([1, 3, 5], 4)).toBe(2);
    expect(lowerBound([1, 3, 5], 9)).toBe(3);
  });
});

describe('valuesAt', () => {
  it('reads every line of an indicator at a bar, null when it has none', () => {
    const held = frame([1, 2], 'macd', [10, 11], [null, 21]);
    expect(valuesAt(held, 'macd-1', 2)).toEqual([11, 21]);
    expect(valuesAt(held, 'macd-1', 1)).toEqual([10, null]);
    expect(valuesAt(held, 'macd-1', 5)).toEqual([null, null]);
    expect(valuesAt(held, 'other', 1)).toEqual([]);
    expect(valuesAt(null, 'macd-1', 1)).toEqual([]);
  });
});

describe('mergeTail', () => {
  it('replaces the last value and appends a new bar', () => {
    const held = frame([1, 2, 3], 'sma', [10, 11, 12]);
    const changes = mergeTail(held, frame([2, 3, 4], 'sma', [11, 12.5, 13]), 3);
    expect(changes).toEqual([{ id: 'sma-1', line: 0, points: [{ time: 3, value: 12.5 }, { time: 4, value: 13 }] }]);
    expect(held.time).toEqual([1, 2, 3, 4]);
    expect(held.series[0]?.lines[0]?.values).toEqual([10, 11, 12.5, 13]);
  });

  it('changes nothing when the refresh has no bar at or after the touched one', () => {
    const held = frame([1, 2, 3], 'sma', [10, 11, 12]);
    expect(mergeTail(held, frame([1, 2], 'sma', [10, 11]), 3)).toEqual([]);
    expect(held.time).toEqual([1, 2, 3]);
  });

  it('puts a cumulative indicator back on the level of the full history', () => {
    // OBV over the full history is 1000 higher than over the refreshed window.
    const held = frame([1, 2, 3], 'obv', [1000, 1100, 1050]);
    const changes = mergeTail(held, frame([2, 3, 4], 'obv', [100, 80, 130]), 3);
    expect(changes[0]?.points).toEqual([{ time: 3, value: 1080 }, { time: 4, value: 1130 }]);
  });

  it('picks up a bar the engine stored after the last refresh when merging from the frame end', () => {
    const held = frame([1, 2], 'sma', [10, 11]);
    // Bar 3 was live at the last refresh; now it is stored and bar 4 is live (not stored yet).
    const changes = mergeTail(held, frame([1, 2, 3], 'sma', [10, 11, 12]), 2);
    expect(changes[0]?.points).toEqual([{ time: 2, value: 11 }, { time: 3, value: 12 }]);
  });

  it('keeps nulls for warm-up values', () => {
    const held = frame([1, 2], 'rsi', [null, null]);
    const changes = mergeTail(held, frame([1, 2, 3], 'rsi', [null, null, 55]), 2);
    expect(changes[0]?.points).toEqual([{ time: 2, value: null }, { time: 3, value: 55 }]);
  });
});

describe('latestValuesAt', () => {
  it('falls back to the latest bar with values (the forming bar has none yet)', () => {
    const held = frame([1, 2, 3], 'sma', [10, 11, null]);
    expect(latestValuesAt(held, 'sma-1', 4)).toEqual([11]);
    expect(latestValuesAt(held, 'sma-1', 1)).toEqual([10]);
    expect(latestValuesAt(held, 'sma-1', 0)).toEqual([null]);
  });
});
