import type { EquityPoint } from '@shared/dto/trading';
import { chartSeconds, type OffsetFn } from '../chart/chart-time';

/** One point of a chart line: chart time in seconds, a float value (statistics, display only). */
export interface SeriesPoint {
  time: number;
  value: number;
}

export interface EquityCurves {
  equity: SeriesPoint[];
  /** Percent below the running peak: 0 at a new high, -12.5 for 12.5 % under it. */
  drawdown: SeriesPoint[];
}

/**
 * The equity curve and its drawdown, in chart time. Snapshots that land on the same chart
 * second keep the last one (the chart needs strictly increasing times); the peak still sees
 * every snapshot.
 */
export function equityCurves(points: readonly EquityPoint[], offset: OffsetFn): EquityCurves {
  const equity: SeriesPoint[] = [];
  const drawdown: SeriesPoint[] = [];
  let peak = Number.NEGATIVE_INFINITY;
  for (const point of [...points].sort((a, b) => a.time - b.time)) {
    const value = Number(point.equity);
    if (!Number.isFinite(value)) continue;
    peak = Math.max(peak, value);
    const time = chartSeconds(point.time, offset);
    const below = peak > 0 ? (value / peak - 1) * 100 : 0;
    const last = equity[equity.length - 1];
    if (last && last.time === time) {
      last.value = value;
      (drawdown[drawdown.length - 1] as SeriesPoint).value = below;
    } else {
      equity.push({ time, value });
      drawdown.push({ time, value: below });
    }
  }
  return { equity, drawdown };
}
