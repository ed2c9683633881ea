import { describe, expect, it } from 'vitest';
import { drawdownSeries, maxDrawdown } from './drawdown';

const seconds = (n: number) => Array.from({ length: n }, (_, i) => i * 1000);

describe('drawdowns', () => {
  it('measures each point against the running peak', () => {
    expect([...drawdownSeries([100, 120, 90, 110, 130, 65])]).toEqual([0, 0, -0.25, 110 / 120 - 1, 0, -0.5]);
  });

  it('finds the deepest drawdown and, without a recovery, lasts to the end', () => {
    const equity = [100, 120, 90, 110, 130, 65, 70];
    expect(maxDrawdown(equity, seconds(7))).toEqual({ maxDrawdown: -0.5, durationMs: 2000, peakIndex: 4, troughIndex: 5, recoveryIndex: null });
  });

  it('ends a drawdown when equity is back at its peak', () => {
    const summary = maxDrawdown([100, 80, 90, 100, 95], [0, 10, 20, 35, 50]);
    expect(summary?.maxDrawdown).toBeCloseTo(-0.2, 15);
    expect(summary).toMatchObject({ durationMs: 35, peakIndex: 0, troughIndex: 1, recoveryIndex: 3 });
  });

  it('counts from the last point at the peak, where the fall began', () => {
    const summary = maxDrawdown([100, 100, 100, 50, 100], [0, 10, 20, 30, 40]);
    expect(summary?.peakIndex).toBe(2);
    expect(summary?.durationMs).toBe(20);
  });

  it('has none on a rising or empty curve', () => {
    expect(maxDrawdown([1, 2, 3], seconds(3))).toEqual({ maxDrawdown: 0, durationMs: 0, peakIndex: 2, troughIndex: 2, recoveryIndex: null });
    expect(maxDrawdown([], [])).toBeNull();
    expect(drawdownSeries([]).length).toBe(0);
  });

  it('has nothing to fall from before equity is positive', () => {
    expect([...drawdownSeries([0, -5, 10, 5])]).toEqual([0, 0, 0, -0.5]);
  });
});
