import { describe, expect, it } from 'vitest';
import type { Bar } from '../types';
import { aggregateBars } from './aggregate-bars';

const utc = (iso: string): number => Date.parse(iso);

function minute(iso: string, open: number, high: number, low: number, close: number, volume: number, vwap: number | null = close): Bar {
  return { time: utc(iso), open, high, low, close, volume, vwap, trades: 1 };
}

describe('aggregateBars', () => {
  const minutes = [
    minute('2024-03-11T13:30:00Z', 10, 11, 9, 10.5, 100),
    minute('2024-03-11T13:31:00Z', 10.5, 12, 10, 11, 200),
    minute('2024-03-11T13:34:00Z', 11, 11, 8, 9, 100),
    minute('2024-03-11T13:35:00Z', 9, 9.5, 9, 9.5, 50),
  ];

  it('rolls 1m bars up into 5m bars, skipping empty buckets', () => {
    expect(aggregateBars(minutes, '1m', '5m')).toEqual([
      { time: utc('2024-03-11T13:30:00Z'), open: 10, high: 12, low: 8, close: 9, volume: 400, vwap: (1050 + 2200 + 900) / 400, trades: 3 },
      { time: utc('2024-03-11T13:35:00Z'), open: 9, high: 9.5, low: 9, close: 9.5, volume: 50, vwap: 9.5, trades: 1 },
    ]);
    expect(aggregateBars(minutes, '1m', '15m')).toHaveLength(1);
    expect(aggregateBars(minutes, '5m', '1h')[0]?.time).toBe(utc('2024-03-11T13:00:00Z'));
  });

  // 2024-11-29 closed early at 13:00 EST (18:00Z).
  const earlyCloseDay = [
    minute('2024-11-29T09:00:00Z', 50, 60, 50, 60, 10), // 04:00 pre-market
    minute('2024-11-29T14:30:00Z', 100, 101, 99, 100, 1000), // 09:30
    minute('2024-11-29T17:59:00Z', 102, 103, 101, 102, 500), // 12:59
    minute('2024-11-29T18:00:00Z', 120, 130, 120, 125, 40), // 13:00 post-market
  ];

  it('builds a daily bar with regular-session prices and the whole day’s volume by default', () => {
    expect(aggregateBars(earlyCloseDay, '1m', '1d')).toEqual([
      { time: utc('2024-11-29T05:00:00Z'), open: 100, high: 103, low: 99, close: 102, volume: 1550, vwap: (600 + 100_000 + 51_000 + 5000) / 1550, trades: 4 },
    ]);
  });

  it('can keep only regular-session bars, or everything', () => {
    expect(aggregateBars(earlyCloseDay, '1m', '1d', { session: 'regular' })[0]).toMatchObject({ open: 100, high: 103, low: 99, close: 102, volume: 1500, trades: 2 });
    expect(aggregateBars(earlyCloseDay, '1m', '1d', { session: 'all' })[0]).toMatchObject({ open: 50, high: 130, low: 50, close: 125, volume: 1550 });
    expect(aggregateBars(earlyCloseDay, '1m', '1h', { session: 'regular' }).map((b) => b.time)).toEqual([utc('2024-11-29T14:00:00Z'), utc('2024-11-29T17:00:00Z')]);
  });

  it('uses UTC days when asked', () => {
    const bars = [minute('2024-03-10T23:00:00Z', 1, 1, 1, 1, 1), minute('2024-03-11T01:00:00Z', 2, 2, 2, 2, 1)];
    expect(aggregateBars(bars, '1m', '1d', { dailyZone: 'UTC' }).map((b) => b.time)).toEqual([utc('2024-03-10T00:00:00Z'), utc('2024-03-11T00:00:00Z')]);
    expect(aggregateBars(bars, '1m', '1d').map((b) => b.time)).toEqual([utc('2024-03-10T05:00:00Z')]);
  });

  it('leaves VWAP unknown when a bar with volume lacks one', () => {
    const bars = [minutes[0]!, { ...minutes[1]!, vwap: null, trades: null }];
    expect(aggregateBars(bars, '1m', '5m')[0]).toMatchObject({ vwap: null, trades: null, volume: 300 });
  });

  it('refuses impossible roll-ups and unordered input', () => {
    expect(() => aggregateBars(minutes, '5m', '1m')).toThrow(RangeError);
    expect(() => aggregateBars(minutes, '1d', '1h')).toThrow(RangeError);
    expect(() => aggregateBars([minutes[1]!, minutes[0]!], '1m', '5m')).toThrow(/increasing/);
  });
});
