/**
 * Market-data records inside the engine. Prices and sizes are floats here: this is the hot
 * path (feeds, aggregation, charts, indicators). They become decimals (rounded to the
 * instrument's tick) only where they feed an order or the books, and are stored as TEXT.
 */

/** time = the bar's open, UTC epoch ms. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  vwap: number | null;
  trades: number | null;
}

/** Bars as parallel typed arrays, oldest first: for range reads, indicators and charts. */
export interface BarColumns {
  length: number;
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export interface Trade {
  symbol: string;
  /** UTC epoch ms (floor of timeNs / 1e6 when the feed gives nanoseconds). */
  time: number;
  /** Exact feed timestamp in ns, when the feed has one (19 digits do not fit a number). */
  timeNs: bigint | null;
  price: number;
  size: number;
  exchange: number | null;
  /** Feed condition codes (Polygon/CTA/UTP numbering); empty for a regular trade. */
  conditions: readonly number[];
  id: string | null;
}

export interface Quote {
  symbol: string;
  time: number;
  timeNs: bigint | null;
  bidPrice: number;
  bidSize: number;
  askPrice: number;
  askSize: number;
}
