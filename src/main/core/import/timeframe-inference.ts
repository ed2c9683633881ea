import { TIMEFRAME_MS, TIMEFRAMES, type Timeframe } from '@shared/dto/market-data';

export interface InferredTimeframe {
  timeframe: Timeframe;
  /** false when the spacing matches no supported timeframe (or there is too little data). */
  exact: boolean;
  /** The typical spacing seen, in ms; null with fewer than two bars of one symbol. */
  spacingMs: number | null;
}

/** Daily bars are a trading day apart: 1 calendar day or more (weekends, holidays). */
const DAY_MS = TIMEFRAME_MS['1d'];

/**
 * The timeframe from the spacing of timestamps: the most common gap between consecutive bars
 * of the same symbol (session breaks and missing bars are rarer than the regular step; ties go
 * to the smaller gap). Date-only files are daily whatever their spacing.
 */
export function inferTimeframe(samples: readonly { symbol: string; time: number }[], dateOnly: boolean): InferredTimeframe {
  if (dateOnly) return { timeframe: '1d', exact: true, spacingMs: null };
  const last = new Map<string, number>();
  const counts = new Map<number, number>();
  for (const { symbol, time } of samples) {
    const previous = last.get(symbol);
    last.set(symbol, time);
    if (previous === undefined || time <= previous) continue;
    const gap = time - previous;
    counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let spacing: number | null = null;
  let best = 0;
  for (const [gap, count] of counts) {
    if (count > best || (count === best && spacing !== null && gap < spacing)) {
      spacing = gap;
      best = count;
    }
  }
  if (spacing === null) return { timeframe: '1d', exact: false, spacingMs: null };
  // Daily bars stamped with a time of day (e.g. 05:00Z) are about a day apart (23–25 h across
  // DST); weekly or monthly bars are not daily bars and need the user's say.
  if (spacing >= DAY_MS - 3_600_000) return { timeframe: '1d', exact: spacing <= 4 * DAY_MS, spacingMs: spacing };
  const match = TIMEFRAMES.find((tf) => TIMEFRAME_MS[tf] === spacing);
  if (match) return { timeframe: match, exact: true, spacingMs: spacing };
  // No supported timeframe fits: offer the nearest, and make the user confirm it.
  const nearest = [...TIMEFRAMES].sort((a, b) => Math.abs(TIMEFRAME_MS[a] - spacing) - Math.abs(TIMEFRAME_MS[b] - spacing))[0] ?? '1m';
  return { timeframe: nearest, exact: false, spacingMs: spacing };
}
