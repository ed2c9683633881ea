import type { WorkspaceLayout } from '@shared/dto/settings';

export type Columns = WorkspaceLayout['columns'];
export type Rows = WorkspaceLayout['rows'];

/** Sizes reported by the panel groups and not yet saved. */
export interface PendingSizes {
  columns?: Columns;
  rows?: Rows;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * Rounds percentages to 2 decimals while keeping their total: the rounding error goes to the
 * largest panel, so a saved layout still adds up to 100 and the panel group takes it as is.
 */
export function roundSizes(sizes: readonly number[]): number[] {
  const rounded = sizes.map(round2);
  const drift = round2(round2(sizes.reduce((sum, size) => sum + size, 0)) - rounded.reduce((sum, size) => sum + size, 0));
  if (drift === 0 || rounded.length === 0) return rounded;
  const largest = rounded.indexOf(Math.max(...rounded));
  rounded[largest] = round2((rounded[largest] ?? 0) + drift);
  return rounded;
}

function valid(size: number | undefined): size is number {
  return size !== undefined && Number.isFinite(size) && size >= 0 && size <= 100;
}

/** The three column sizes, rounded, or null if the group reported something else. */
export function toColumns(sizes: readonly number[]): Columns | null {
  if (sizes.length !== 3) return null;
  const [a, b, c] = roundSizes(sizes);
  return valid(a) && valid(b) && valid(c) ? [a, b, c] : null;
}

/** The two row sizes, rounded, or null if the group reported something else. */
export function toRows(sizes: readonly number[]): Rows | null {
  if (sizes.length !== 2) return null;
  const [a, b] = roundSizes(sizes);
  return valid(a) && valid(b) ? [a, b] : null;
}

export function sameSizes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, i) => round2(size) === round2(b[i] ?? Number.NaN));
}

export function sameLayout(a: WorkspaceLayout, b: WorkspaceLayout): boolean {
  return a.bottomTab === b.bottomTab && sameSizes(a.columns, b.columns) && sameSizes(a.rows, b.rows);
}

/** The layout with any pending sizes applied. */
export function withSizes(layout: WorkspaceLayout, pending: PendingSizes): WorkspaceLayout {
  return { ...layout, columns: pending.columns ?? layout.columns, rows: pending.rows ?? layout.rows };
}
