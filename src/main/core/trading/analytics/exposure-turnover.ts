/** Exposure and turnover of a backtest or an account history: floats (statistics). */

const YEAR_MS = 365.25 * 86_400_000;
const DAY_MS = 86_400_000;

/** The fraction of points with a position open; null without points. */
export function exposure(held: ArrayLike<number>, count: number = held.length): number | null {
  if (count === 0) return null;
  let open = 0;
  for (let i = 0; i < count; i += 1) if (held[i] !== 0) open += 1;
  return open / count;
}

/**
 * Traded value (Σ |quantity × price| of the fills) ÷ average equity, per year of the curve's
 * calendar span: 2.0 means the book was bought and sold once a year. Null under a day, or
 * without a positive average equity.
 */
export function annualizedTurnover(tradedValue: number, equity: ArrayLike<number>, spanMs: number, count: number = equity.length): number | null {
  if (count === 0 || !(spanMs >= DAY_MS)) return null;
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += equity[i] ?? 0;
  const average = sum / count;
  if (!(average > 0)) return null;
  const value = tradedValue / average / (spanMs / YEAR_MS);
  return Number.isFinite(value) ? value : null;
}
