import type { ParamValue, SweepRow } from '@shared/dto/backtest';
import { metricNumber, type MetricKey } from './metric-format';

/** A results column: a metric or a parameter. */
export type SweepColumn = { kind: 'metric'; key: MetricKey } | { kind: 'param'; name: string };
export interface SweepSort {
  column: SweepColumn;
  direction: 'asc' | 'desc';
}

function cellValue(row: SweepRow, column: SweepColumn): number | string | null {
  if (column.kind === 'metric') return metricNumber(row.metrics, column.key);
  const value: ParamValue | undefined = row.params[column.name];
  if (value === undefined) return null;
  return typeof value === 'boolean' ? Number(value) : value;
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** Rows ordered by a column; rows without a value go last whichever the direction. Stable. */
export function sortSweepRows(rows: readonly SweepRow[], sort: SweepSort): SweepRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((ra, rb) => {
    const a = cellValue(ra, sort.column);
    const b = cellValue(rb, sort.column);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return sign * compare(a, b);
  });
}

const sameColumn = (a: SweepColumn, b: SweepColumn): boolean =>
  a.kind === b.kind && (a.kind === 'metric' ? a.key === (b as typeof a).key : a.name === (b as typeof a).name);

/** A header click: the same column flips direction, another starts high-first for metrics and low-first for parameters. */
export function nextSort(current: SweepSort, column: SweepColumn): SweepSort {
  if (sameColumn(current.column, column)) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column.kind === 'metric' ? 'desc' : 'asc' };
}

export interface SweepGroups {
  /** Plain sweep rows (no walk-forward). */
  full: SweepRow[];
  /** Walk-forward: the in-sample optimisation runs. */
  inSample: SweepRow[];
  /** Walk-forward: the chosen parameters on the bars that follow each window. */
  outOfSample: SweepRow[];
}

export function groupSweepRows(rows: readonly SweepRow[]): SweepGroups {
  return {
    full: rows.filter((row) => row.sample === 'full'),
    inSample: rows.filter((row) => row.sample === 'in'),
    outOfSample: rows.filter((row) => row.sample === 'out'),
  };
}
