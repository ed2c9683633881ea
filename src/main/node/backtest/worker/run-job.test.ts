import { describe, expect, it } from 'vitest';
import { lowerBound, sliceSeries } from './run-job';
import type { SeriesData } from './worker-protocol';

const times = Float64Array.from([10, 20, 30, 40, 50, 60]);
const data: SeriesData = { symbol: 'X', time: times, open: times.map((t) => t + 1), high: times, low: times, close: times.map((t) => t + 2), volume: times };

describe('sliceSeries', () => {
  it('finds the first bar at or after a time', () => {
    expect([5, 10, 11, 60, 61].map((t) => lowerBound(times, t))).toEqual([0, 0, 1, 5, 6]);
  });

  it('keeps the warm-up bars before `from` and the bars up to `to`, as views of the same memory', () => {
    const slice = sliceSeries(data, 40, 50, 2);
    expect(slice.bars.length).toBe(4);
    expect([...slice.bars.time]).toEqual([20, 30, 40, 50]);
    expect([...slice.bars.close]).toEqual([22, 32, 42, 52]);
    expect(slice.bars.time.buffer).toBe(times.buffer);
  });

  it('clips the warm-up at the first bar and takes everything without bounds', () => {
    expect([...sliceSeries(data, 20, null, 5).bars.time]).toEqual([10, 20, 30, 40, 50, 60]);
    expect(sliceSeries(data, null, null, 3).bars.length).toBe(6);
    expect(sliceSeries(data, 100, null, 0).bars.length).toBe(0);
  });
});
