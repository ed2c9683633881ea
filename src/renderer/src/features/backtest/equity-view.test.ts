import { describe, expect, it } from 'vitest';
import { DAY, T0 } from '../../store/backtest/testing/backtest-fixtures';
import { backtestCurves } from './equity-view';

const S0 = T0 / 1000;

describe('backtestCurves', () => {
  it('turns the engine columns into chart points, drawdown in percent', () => {
    const curves = backtestCurves(
      { time: [T0, T0 + DAY, T0 + 2 * DAY], equity: [100_000, 110_000, 99_000], drawdown: [0, 0, -0.1], benchmark: [100_000, 101_000, 102_000] },
      () => 0,
    );
    expect(curves.equity).toEqual([
      { time: S0, value: 100_000 },
      { time: S0 + 86_400, value: 110_000 },
      { time: S0 + 172_800, value: 99_000 },
    ]);
    expect(curves.drawdown.map((p) => p.value)).toEqual([0, 0, -10]);
    expect(curves.benchmark.map((p) => p.value)).toEqual([100_000, 101_000, 102_000]);
  });

  it('shifts into the clock zone and keeps the last of points on the same second', () => {
    const curves = backtestCurves({ time: [T0, T0 + 400, T0 + 60_000], equity: [1, 2, 3], drawdown: [0, 0, 0], benchmark: [] }, () => -3_600_000);
    expect(curves.equity).toEqual([
      { time: S0 - 3600, value: 2 },
      { time: S0 - 3540, value: 3 },
    ]);
    expect(curves.benchmark).toEqual([]);
  });
});
