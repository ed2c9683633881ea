import { z } from 'zod';

export const IndicatorKind = z.enum(['sma', 'ema', 'wma', 'bollinger', 'vwap', 'rsi', 'macd', 'stochastic', 'atr', 'obv']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

const Period = z.number().int().min(1).max(1000);

/** What to compute. Unused params are ignored; missing ones take the usual defaults. */
export const IndicatorSpec = z.strictObject({
  id: z.string().min(1).max(32),
  kind: IndicatorKind,
  period: Period.optional(), // sma/ema/wma/bollinger/rsi/atr (defaults 20/20/20/20/14/14)
  stdDev: z.number().positive().max(10).optional(), // bollinger (2)
  fast: Period.optional(), // macd (12)
  slow: Period.optional(), // macd (26)
  signal: Period.optional(), // macd (9)
  kPeriod: Period.optional(), // stochastic %K (14)
  kSlowing: Period.optional(), // stochastic slow %K (3)
  dPeriod: Period.optional(), // stochastic %D (3)
});
export type IndicatorSpec = z.infer<typeof IndicatorSpec>;

/** Overlays share the price pane; the others get a pane of their own. */
export const OVERLAY_KINDS: readonly IndicatorKind[] = ['sma', 'ema', 'wma', 'bollinger', 'vwap'];

/** Values aligned with the requested bars; null during warm-up. */
export const IndicatorSeries = z.strictObject({
  id: z.string(),
  kind: IndicatorKind,
  lines: z.array(z.strictObject({ name: z.string(), values: z.array(z.number().nullable()) })),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;
