import type { Timeframe } from '@shared/dto/market-data';
import type { FeedEvent, MarketFeed } from '../../../src/main/core/ports/market-feed';
import type { BarStore } from '../../../src/main/core/ports/bar-store';
import { MINUTE_MS, type FakeBar } from './market-data';

/** Writes a feed's minute bars to `store` and keeps what the feed said. */
export function recordInto(feed: MarketFeed, store: BarStore) {
  const seen = new Map<string, number>();
  const statuses: Extract<FeedEvent, { type: 'status' }>[] = [];
  let trades = 0;
  let quotes = 0;
  feed.onEvent((event) => {
    if (event.type === 'bar' && event.timeframe === '1m') {
      const key = `${event.symbol}@${event.bar.time}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      store.upsertBars(event.symbol, event.timeframe, [event.bar]);
    } else if (event.type === 'status') statuses.push(event);
    else if (event.type === 'trade') trades += 1;
    else if (event.type === 'quote') quotes += 1;
  });
  return {
    seen,
    statuses,
    get trades() {
      return trades;
    },
    get quotes() {
      return quotes;
    },
    lastStatus: () => statuses[statuses.length - 1],
  };
}

/** The store's bars as plain rows, for exact comparison. */
export function storedBars(store: BarStore, symbol: string, timeframe: Timeframe = '1m') {
  const c = store.readBars({ symbol, timeframe });
  return Array.from({ length: c.length }, (_, i) => ({
    t: c.time[i]!,
    o: c.open[i]!,
    h: c.high[i]!,
    l: c.low[i]!,
    c: c.close[i]!,
    v: c.volume[i]!,
  }));
}

export function asRows(bars: readonly FakeBar[]) {
  return bars.map((b) => ({ t: b.t, o: b.o, h: b.h, l: b.l, c: b.c, v: b.v }));
}

export const minutesAfter = (start: number, n: number) => start + n * MINUTE_MS;
