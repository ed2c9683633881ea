import type { Timeframe } from '@shared/dto/market-data';
import type { Bar } from '../../../core/market-data/types';
import type { BarStore } from '../../../core/ports/bar-store';
import type { PolygonRestClient } from './rest-client';
import { aggregatePages, type Timespan } from './rest-endpoints';

const MINUTE_MS = 60_000;

export const POLYGON_TIMEFRAMES: Record<Timeframe, { multiplier: number; timespan: Timespan }> = {
  '1s': { multiplier: 1, timespan: 'second' },
  '1m': { multiplier: 1, timespan: 'minute' },
  '5m': { multiplier: 5, timespan: 'minute' },
  '15m': { multiplier: 15, timespan: 'minute' },
  '1h': { multiplier: 1, timespan: 'hour' },
  '1d': { multiplier: 1, timespan: 'day' },
};

export interface BackfillRequest {
  symbol: string;
  timeframe: Timeframe;
  from: string | number;
  to: string | number;
  adjusted?: boolean;
}

export interface BackfillResult {
  fetched: number;
  written: number;
  pages: number;
  first: number | null;
  last: number | null;
}

/** REST history into the store, a page per transaction; re-running it changes nothing. */
export async function backfillToStore(
  rest: PolygonRestClient,
  store: BarStore,
  request: BackfillRequest,
  onPage?: (result: BackfillResult) => void,
  signal?: AbortSignal,
): Promise<BackfillResult> {
  const result: BackfillResult = { fetched: 0, written: 0, pages: 0, first: null, last: null };
  const { multiplier, timespan } = POLYGON_TIMEFRAMES[request.timeframe];
  const pages = aggregatePages(
    rest,
    { ticker: request.symbol, multiplier, timespan, from: request.from, to: request.to, adjusted: request.adjusted ?? true, sort: 'asc' },
    signal,
  );
  for await (const bars of pages) {
    result.pages += 1;
    if (bars.length > 0) {
      result.fetched += bars.length;
      result.written += store.upsertBars(request.symbol, request.timeframe, bars);
      const first = bars[0]!.time;
      const last = bars[bars.length - 1]!.time;
      result.first = result.first === null ? first : Math.min(result.first, first);
      result.last = result.last === null ? last : Math.max(result.last, last);
    }
    onPage?.(result);
  }
  return result;
}

/**
 * Minute bars from `from` (a minute's open) whose minute has ended by `now`: a minute still
 * running is left to the stream, which sends it when it closes.
 */
export async function fetchCompletedMinuteBars(rest: PolygonRestClient, symbol: string, from: number, now: number, signal?: AbortSignal): Promise<Bar[]> {
  const lastOpen = Math.floor(now / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
  if (lastOpen < from) return [];
  const out: Bar[] = [];
  const request = { ticker: symbol, multiplier: 1, timespan: 'minute' as const, from, to: lastOpen, adjusted: true, sort: 'asc' as const };
  for await (const bars of aggregatePages(rest, request, signal)) {
    for (const bar of bars) if (bar.time >= from && bar.time <= lastOpen) out.push(bar);
  }
  return out;
}
