import type { FeedSource, FeedState } from '@shared/dto/system';
import type { Timeframe } from '@shared/dto/market-data';
import type { Bar, Quote, Trade } from '../market-data/types';

export type FeedEvent =
  | { type: 'trade'; trade: Trade }
  | { type: 'quote'; quote: Quote }
  /** A finished bar from the source itself (Polygon AM, replayed bars, simulator bars). */
  | { type: 'bar'; symbol: string; timeframe: Timeframe; bar: Bar }
  | { type: 'status'; state: FeedState; label: string };

/** A source of live (or replayed, or simulated) market data. Adapters implement it. */
export interface MarketFeed {
  readonly source: FeedSource;
  start(): Promise<void>;
  stop(): Promise<void>;
  subscribe(symbols: readonly string[]): void;
  unsubscribe(symbols: readonly string[]): void;
  onEvent(listener: (event: FeedEvent) => void): () => void;
}
