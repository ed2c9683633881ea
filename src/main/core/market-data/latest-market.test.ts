import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../ports/market-feed';
import { LatestMarket } from './latest-market';

const trade = (symbol: string, time: number, price: number): FeedEvent => ({
  type: 'trade',
  trade: { symbol, time, timeNs: null, price, size: 100, exchange: null, conditions: [], id: `${symbol}-${time}` },
});
const quote = (symbol: string, time: number, bid: number, ask: number): FeedEvent => ({
  type: 'quote',
  quote: { symbol, time, timeNs: null, bidPrice: bid, bidSize: 100, askPrice: ask, askSize: 100 },
});
const bar = (symbol: string, time: number, close: number): FeedEvent => ({
  type: 'bar',
  symbol,
  timeframe: '1m',
  bar: { time, open: close, high: close, low: close, close, volume: 10, vwap: null, trades: null },
});

describe('LatestMarket', () => {
  it('keeps only the latest bar, trade and quote of each symbol and shows them oldest first', () => {
    const latest = new LatestMarket();
    for (const event of [
      quote('A', 1, 9.9, 10.1),
      trade('A', 2, 10),
      quote('A', 3, 10, 10.2),
      bar('A', 0, 10),
      trade('B', 5, 50),
      { type: 'status', state: 'live', label: 'x' } satisfies FeedEvent,
      trade('A', 4, 10.1),
    ]) {
      latest.record(event);
    }
    const seen: FeedEvent[] = [];
    latest.replay((event) => seen.push(event));
    expect(seen).toEqual([bar('A', 0, 10), quote('A', 3, 10, 10.2), trade('A', 4, 10.1), trade('B', 5, 50)]);
  });
});
