import type { BarSeries } from '@shared/dto/market-data';
import type { DomainHandlers } from '../api/handlers';
import type { BarStore, InstrumentStore } from '../ports/bar-store';

/** First paint of a chart; scroll-back asks for the next page with `before`. */
export const DEFAULT_BAR_LIMIT = 2000;
const DEFAULT_SEARCH_LIMIT = 20;

export function barHandlers(store: BarStore & InstrumentStore): DomainHandlers<'md.bars' | 'md.instruments.search'> {
  return {
    'md.bars': ({ symbol, timeframe, before, limit }): BarSeries => {
      const columns = store.readBars({
        symbol,
        timeframe,
        ...(before === undefined ? {} : { to: before - 1 }),
        limit: limit ?? DEFAULT_BAR_LIMIT,
        latest: true,
      });
      const oldest = columns.time[0];
      // One index seek for the bar before the oldest returned: extent() would also count the
      // series, which is O(n) (~40 ms at 500k bars) on every scroll-back page.
      const older = oldest === undefined ? 0 : store.readBars({ symbol, timeframe, to: oldest - 1, limit: 1, latest: true }).length;
      return {
        symbol,
        timeframe,
        time: Array.from(columns.time),
        open: Array.from(columns.open),
        high: Array.from(columns.high),
        low: Array.from(columns.low),
        close: Array.from(columns.close),
        volume: Array.from(columns.volume),
        hasMore: older > 0,
      };
    },
    'md.instruments.search': ({ query, limit }) => store.searchInstruments(query, limit ?? DEFAULT_SEARCH_LIMIT),
  };
}
