import { TIMEFRAME_MS, type BarSeries, type Timeframe } from '@shared/dto/market-data';
import type { DomainHandlers } from '../api/handlers';
import type { BarStore, InstrumentStore } from '../ports/bar-store';

/** First paint of a chart; scroll-back asks for the next page with `before`. */
export const DEFAULT_BAR_LIMIT = 2000;
const DEFAULT_SEARCH_LIMIT = 20;

/** The replay clock of a symbol being replayed (its history ends there), else null. */
export type ClipProvider = (symbol: string) => number | null;

/**
 * The last bar open time a read may return: before `before`, and while `symbol` is replayed,
 * only bars that closed by the replay clock (those the replay has played).
 */
export function lastBarTime(symbol: string, timeframe: Timeframe, before: number | undefined, clip?: ClipProvider): number | undefined {
  const clipTime = clip?.(symbol) ?? null;
  const clipped = clipTime === null ? undefined : Math.floor(clipTime) - TIMEFRAME_MS[timeframe];
  const beforeTo = before === undefined ? undefined : before - 1;
  if (clipped === undefined) return beforeTo;
  return beforeTo === undefined ? clipped : Math.min(beforeTo, clipped);
}

export function barHandlers(store: BarStore & InstrumentStore, clip?: ClipProvider): DomainHandlers<'md.bars' | 'md.instruments.search'> {
  return {
    'md.bars': ({ symbol, timeframe, before, limit }): BarSeries => {
      const to = lastBarTime(symbol, timeframe, before, clip);
      const columns = store.readBars({
        symbol,
        timeframe,
        ...(to === undefined ? {} : { to }),
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
