/** How much history the chart asks for, and when. */

/** Bars fetched when a symbol or timeframe is shown, and per scroll-back page. */
export const PAGE_BARS = 2000;

/** Older bars are fetched when fewer than this many loaded bars are left of the view. */
export const LAZY_LOAD_THRESHOLD = 50;

/** Indicators are refreshed at most this often while live bars arrive. */
export const INDICATOR_REFRESH_MS = 1000;

/** Bars a live indicator refresh covers (enough warm-up for every period the contract allows). */
export const INDICATOR_TAIL_BARS = 2500;

/** Largest `limit` the contract accepts for bars and indicators. */
export const MAX_BARS = 500_000;

/** Wait before asking again when the engine answered UNAVAILABLE or TIMEOUT. */
export const RETRY_MS = 5000;

/**
 * Bars for the first paint. `?chartBars=N` in the page URL raises it (the 100,000-bar paint
 * bench uses this); otherwise one page.
 */
export function initialBars(search: string): number {
  const asked = Number(new URLSearchParams(search).get('chartBars'));
  if (!Number.isInteger(asked) || asked <= 0) return PAGE_BARS;
  return Math.min(MAX_BARS, Math.max(100, asked));
}
