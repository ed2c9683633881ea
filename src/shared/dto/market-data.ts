import { z } from 'zod';

export const TIMEFRAMES = ['1s', '1m', '5m', '15m', '1h', '1d'] as const;
export const Timeframe = z.enum(TIMEFRAMES);
export type Timeframe = z.infer<typeof Timeframe>;

/** Nominal length; daily bars follow the exchange's trading day instead (see calendar). */
export const TIMEFRAME_MS: Record<Timeframe, number> = {
  '1s': 1_000,
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

export const AssetClass = z.enum(['stock', 'etf', 'index', 'crypto', 'fx']);
export type AssetClass = z.infer<typeof AssetClass>;

/** Ticker as Polygon spells it: AAPL, BRK.B, X:BTCUSD, C:EURUSD, I:SPX. */
export const SYMBOL_PATTERN = /^[A-Z0-9][A-Z0-9.:/^_-]{0,31}$/;
export const SymbolCode = z.string().regex(SYMBOL_PATTERN, 'A symbol is 1–32 of A–Z, 0–9 and . : / ^ _ -');
export type SymbolCode = z.infer<typeof SymbolCode>;

/** A decimal as a canonical string (prices, sizes, money cross the boundary as text). */
export const DECIMAL_PATTERN = /^-?\d{1,20}(\.\d{1,18})?$/;
export const DecimalString = z.string().regex(DECIMAL_PATTERN, 'A decimal number as text, e.g. "0.01"');

export const Instrument = z.strictObject({
  symbol: SymbolCode,
  name: z.string().max(200),
  assetClass: AssetClass,
  exchange: z.string().max(20),
  currency: z.string().regex(/^[A-Z]{3}$/),
  tickSize: DecimalString,
  lotSize: DecimalString,
  active: z.boolean(),
});
export type Instrument = z.infer<typeof Instrument>;

/** One bar on the wire. time = the bar's open, UTC epoch ms. Chart values are floats. */
export const BarDto = z.strictObject({
  time: z.number().int(),
  open: z.number().finite(),
  high: z.number().finite(),
  low: z.number().finite(),
  close: z.number().finite(),
  volume: z.number().finite().nonnegative(),
  vwap: z.number().finite().nullable(),
  trades: z.number().int().nonnegative().nullable(),
});
export type BarDto = z.infer<typeof BarDto>;

/** Many bars, columnar (compact JSON for 100k-bar charts), oldest first. */
export const BarSeries = z.strictObject({
  symbol: SymbolCode,
  timeframe: Timeframe,
  time: z.array(z.number().int()),
  open: z.array(z.number()),
  high: z.array(z.number()),
  low: z.array(z.number()),
  close: z.array(z.number()),
  volume: z.array(z.number()),
  /** true when older bars exist before the first one returned (lazy loading). */
  hasMore: z.boolean(),
});
export type BarSeries = z.infer<typeof BarSeries>;

/** A live bar update: the current (possibly unfinished) bar of a symbol and timeframe. */
export const BarUpdate = z.strictObject({ symbol: SymbolCode, timeframe: Timeframe, bar: BarDto, final: z.boolean() });
export type BarUpdate = z.infer<typeof BarUpdate>;

/** Last price and change for the watchlist. */
export const Ticker = z.strictObject({
  symbol: SymbolCode,
  last: z.number().finite(),
  /** Previous session's close, for change and change %. null when unknown. */
  previousClose: z.number().finite().nullable(),
  time: z.number().int(),
});
export type Ticker = z.infer<typeof Ticker>;
