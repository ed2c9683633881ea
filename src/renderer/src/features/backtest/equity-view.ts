import type { BacktestResult } from '@shared/dto/backtest';
import { chartSeconds, type OffsetFn } from '../chart/chart-time';
import type { SeriesPoint } from '../portfolio/equity-series';

export interface BacktestCurves {
  equity: SeriesPoint[];
  /** Buy-and-hold of the benchmark on the same bars; empty when the engine sent none. */
  benchmark: SeriesPoint[];
  /** Percent below the running peak: 0 at a high, -12.5 for 12.5 % under it. */
  drawdown: SeriesPoint[];
}

/** Appends a point, or replaces the last one when it falls on the same chart second (times must rise). */
function push(points: SeriesPoint[], time: number, value: number): void {
  const last = points[points.length - 1];
  if (last && last.time === time) last.value = value;
  else if (!last || last.time < time) points.push({ time, value });
}

/** A run's equity, benchmark and drawdown (the engine's fractions, ≤ 0) in chart time. */
export function backtestCurves(equity: BacktestResult['equity'], offset: OffsetFn): BacktestCurves {
  const curves: BacktestCurves = { equity: [], benchmark: [], drawdown: [] };
  const withBenchmark = equity.benchmark.length === equity.time.length;
  equity.time.forEach((time, i) => {
    const seconds = chartSeconds(time, offset);
    const value = equity.equity[i];
    if (value === undefined || !Number.isFinite(value)) return;
    push(curves.equity, seconds, value);
    const below = equity.drawdown[i] ?? 0;
    push(curves.drawdown, seconds, below === 0 ? 0 : -Math.abs(below) * 100);
    const benchmark = withBenchmark ? equity.benchmark[i] : undefined;
    if (benchmark !== undefined && Number.isFinite(benchmark)) push(curves.benchmark, seconds, benchmark);
  });
  return curves;
}
