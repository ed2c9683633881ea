import { describe, expect, it } from 'vitest';
import { inferTimeframe } from './timeframe-inference';

const series = (symbol: string, start: number, steps: number[]) => {
  let time = start;
  return [{ symbol, time }, ...steps.map((step) => ({ symbol, time: (time += step) }))];
};

describe('inferTimeframe', () => {
  it('takes the most common spacing per symbol, ignoring session gaps and interleaved symbols', () => {
    const fiveMin = 300_000;
    const a = series('A', 0, [fiveMin, fiveMin, 17.5 * 3_600_000, fiveMin, fiveMin, 2 * fiveMin]);
    const b = series('B', 60_000, [fiveMin, fiveMin, fiveMin]);
    const interleaved = [...a, ...b].sort((x, y) => x.time - y.time);
    expect(inferTimeframe(interleaved, false)).toEqual({ timeframe: '5m', exact: true, spacingMs: fiveMin });
  });

  it('calls date-only files daily, and day-spaced times daily too', () => {
    expect(inferTimeframe([], true)).toMatchObject({ timeframe: '1d', exact: true });
    const day = 86_400_000;
    expect(inferTimeframe(series('A', 0, [day, day, 3 * day, day, day - 3_600_000]), false)).toMatchObject({ timeframe: '1d', exact: true });
  });

  it('marks spacings no timeframe matches (30 minutes, weekly, a single bar) as needing the user', () => {
    expect(inferTimeframe(series('A', 0, [1_800_000, 1_800_000]), false)).toMatchObject({ exact: false, spacingMs: 1_800_000 });
    expect(inferTimeframe(series('A', 0, [7 * 86_400_000, 7 * 86_400_000]), false)).toMatchObject({ timeframe: '1d', exact: false });
    expect(inferTimeframe([{ symbol: 'A', time: 0 }], false)).toMatchObject({ exact: false, spacingMs: null });
  });
});
