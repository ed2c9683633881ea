/** Number formatting for the chart legend and the watchlist. Prices are floats here (display only). */

/** Decimals of an instrument's tick size: "0.01" → 2, "1" → 0, "0.00001" → 5. */
export function decimalsOf(tickSize: string): number {
  const dot = tickSize.indexOf('.');
  if (dot < 0) return 0;
  return tickSize.slice(dot + 1).replace(/0+$/, '').length;
}

/** Decimals to show for a price when the tick size is not known: more for small prices. */
export function guessDecimals(value: number): number {
  const size = Math.abs(value);
  if (size === 0 || size >= 1) return 2;
  if (size >= 0.01) return 4;
  return 6;
}

export function formatPrice(value: number | null | undefined, decimals = guessDecimals(value ?? 0)): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toFixed(decimals);
}

/** 950, 12.3K, 4.56M, 1.2B. */
export function formatVolume(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  if (size >= 1e9) return `${(value / 1e9).toFixed(2)}B`;
  if (size >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (size >= 1e4) return `${(value / 1e3).toFixed(1)}K`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A signed difference: "+1.25", "−0.40", "0.00". */
export function formatSigned(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '\u2212'}${text}`;
}

/** A signed percentage with two decimals: "+1.25%". */
export function formatPercent(value: number): string {
  return `${formatSigned(value, 2)}%`;
}

export type Direction = 'up' | 'down' | 'flat';

export function directionOf(change: number): Direction {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
