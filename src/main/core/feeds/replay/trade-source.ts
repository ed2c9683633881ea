import type { Trade } from '../../market-data/types';

export interface TradeRange {
  symbol: string;
  /** Inclusive bounds on trade time (UTC ms); open-ended `to` when omitted. */
  from: number;
  to?: number;
  /** At most this many trades, the oldest in the range. */
  limit: number;
}

/** Stored trades for replay, oldest first; trades sharing a millisecond keep a stable order. */
export interface TradeSource {
  readTrades(range: TradeRange): readonly Trade[];
}
