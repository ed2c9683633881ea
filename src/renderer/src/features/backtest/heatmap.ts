import type { ParamValue, SweepRow } from '@shared/dto/backtest';
import { metricInfo, metricNumber, type MetricKey } from './metric-format';

export interface HeatmapCell {
  x: ParamValue;
  y: ParamValue;
  column: number;
  row: number;
  /** The metric (averaged when several rows share the point, e.g. walk-forward windows); null when absent. */
  value: number | null;
  /** 0 = worst … 1 = best of the map, by the metric's own direction; null when absent. */
  score: number | null;
}

export interface HeatmapLayout {
  xs: ParamValue[];
  /** Top row first: the largest y on top, like a chart's axis. */
  ys: ParamValue[];
  cells: HeatmapCell[];
  min: number | null;
  max: number | null;
}

const order = (a: ParamValue, b: ParamValue): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Rows per (x, y) point, keyed by their text. */
function group(rows: readonly SweepRow[], xParam: string, yParam: string, metric: MetricKey): Map<string, number[]> {
  const points = new Map<string, number[]>();
  for (const row of rows) {
    const x = row.params[xParam];
    const y = row.params[yParam];
    if (x === undefined || y === undefined) continue;
    const key = JSON.stringify([x, y]);
    const list = points.get(key) ?? [];
    const value = metricNumber(row.metrics, metric);
    if (value !== null) list.push(value);
    points.set(key, list);
  }
  return points;
}

/**
 * A two-parameter sweep as a grid: one column per x value, one row per y value (largest on
 * top), each cell the metric at that point and its place between the map's worst and best.
 */
export function heatmapLayout(rows: readonly SweepRow[], xParam: string, yParam: string, metric: MetricKey): HeatmapLayout {
  const xs = [...new Map(rows.flatMap((r) => (r.params[xParam] === undefined ? [] : [[String(r.params[xParam]), r.params[xParam]] as const]))).values()].sort(order);
  const ys = [...new Map(rows.flatMap((r) => (r.params[yParam] === undefined ? [] : [[String(r.params[yParam]), r.params[yParam]] as const]))).values()].sort(order).reverse();
  const points = group(rows, xParam, yParam, metric);
  const cells: HeatmapCell[] = [];
  ys.forEach((y, row) => {
    xs.forEach((x, column) => {
      const values = points.get(JSON.stringify([x, y]));
      if (values) cells.push({ x, y, column, row, value: mean(values), score: null });
    });
  });
  const present = cells.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
  const min = present.length > 0 ? Math.min(...present) : null;
  const max = present.length > 0 ? Math.max(...present) : null;
  const higher = metricInfo(metric).higherIsBetter;
  for (const cell of cells) cell.score = scoreOf(cell.value, min, max, higher);
  return { xs, ys, cells, min, max };
}

function scoreOf(value: number | null, min: number | null, max: number | null, higherIsBetter: boolean): number | null {
  if (value === null || min === null || max === null) return null;
  const t = max === min ? 0.5 : (value - min) / (max - min);
  return higherIsBetter ? t : 1 - t;
}

/** Red (worst) through amber to green (best); grey for no value. Readable on both themes. */
export function heatColor(score: number | null): string {
  if (score === null) return 'hsl(0, 0%, 40%)';
  const clamped = Math.min(1, Math.max(0, score));
  return `hsl(${Math.round(clamped * 120)}, 60%, 40%)`;
}
