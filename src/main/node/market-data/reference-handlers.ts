import type { Instrument } from '@shared/dto/market-data';
import type { NewsItem, NewsResult } from '@shared/dto/news';
import type { PolygonSettings } from '@shared/dto/settings';
import type { DomainHandlers } from '../../core/api/handlers';
import type { InstrumentStore } from '../../core/ports/bar-store';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import { POLYGON_ENV, polygonApiKeyFrom, polygonConfigFrom } from '../adapters/polygon/config';
import { PolygonApiError } from '../adapters/polygon/errors';
import { PolygonRestClient } from '../adapters/polygon/rest-client';
import { fetchPolygonNews, mergeInstruments, polygonUnavailable, refreshedInstrument, scrubKey, searchPolygonTickers } from './polygon-reference';
import { TtlCache } from './ttl-cache';

export type ReferenceMethods = 'md.reference.search' | 'md.news';

/** Polygon's REST client with its key, or null when no key is configured. */
export type PolygonAccess = () => { rest: PolygonRestClient; apiKey: string } | null;

export interface ReferenceOptions {
  store: InstrumentStore;
  /** Asked on every call, so a changed REST URL in the settings applies without a restart. */
  polygon: PolygonAccess;
  clock: Clock;
  logger: Logger;
  /** How long news (per symbol) and ticker searches (per query) are reused; 60 s by default. */
  cacheMs?: number;
}

const DEFAULT_SEARCH_LIMIT = 20;
const DEFAULT_NEWS_LIMIT = 20;
/** News is fetched at this size once per symbol and sliced per request, so one cache entry serves all limits. */
const NEWS_FETCH_LIMIT = 50;

export const NO_KEY_REASON = `No Polygon API key: set ${POLYGON_ENV.apiKey} in the environment Kestrel starts from (a free key at polygon.io) and restart to see headlines.`;

/**
 * `md.reference.search` and `md.news`: local instruments always, Polygon's reference data on
 * top when a key is configured. Polygon failures are UNAVAILABLE, never INTERNAL, and neither
 * the caller's message nor the log ever carries the key.
 */
export function referenceHandlers(options: ReferenceOptions): DomainHandlers<ReferenceMethods> {
  const { store, polygon, clock, logger } = options;
  const cacheMs = options.cacheMs ?? 60_000;
  const news = new TtlCache<NewsItem[]>(cacheMs, () => clock.now());
  const searches = new TtlCache<Instrument[]>(cacheMs, () => clock.now());

  const failed = (error: unknown, what: string, apiKey: string | null): Error => {
    const unavailable = polygonUnavailable(error, what, apiKey);
    if (!unavailable) return error instanceof Error ? error : new Error(String(error));
    const fields = error instanceof PolygonApiError ? { kind: error.kind, status: error.status } : { kind: 'config', status: null };
    logger.warn(`Polygon ${what.toLowerCase()} request failed`, { ...fields, message: scrubKey(unavailable.message, apiKey) });
    return unavailable;
  };
  const access = (what: string) => {
    try {
      return polygon();
    } catch (error) {
      throw failed(error, what, null);
    }
  };

  return {
    'md.reference.search': async ({ query, limit }) => {
      const max = limit ?? DEFAULT_SEARCH_LIMIT;
      const text = query.trim();
      const local = store.searchInstruments(text, max);
      // Simulated symbols are ours alone; an empty query would list Polygon's whole universe.
      if (text === '' || text.toUpperCase().startsWith('SIM:')) return local;
      const remote = access('Ticker search');
      if (!remote) return local;
      const key = `${text.toLowerCase()}|${max}`;
      let fetched: Instrument[];
      try {
        fetched = await searches.get(key, () => searchPolygonTickers(remote.rest, text, max));
      } catch (error) {
        throw failed(error, 'Ticker search', remote.apiKey);
      }
      const stored = fetched.map((instrument) => refreshedInstrument(store.getInstrument(instrument.symbol), instrument));
      store.upsertInstruments(stored);
      const fresh = new Map(stored.map((instrument) => [instrument.symbol, instrument]));
      return mergeInstruments(text, local.map((instrument) => fresh.get(instrument.symbol) ?? instrument), stored, max);
    },

    'md.news': async ({ symbol, limit }): Promise<NewsResult> => {
      const remote = access('News');
      if (!remote) return { available: false, reason: NO_KEY_REASON, items: [] };
      // Polygon has no news for simulated symbols; say so instead of spending a request.
      if (symbol?.startsWith('SIM:')) return { available: true, reason: null, items: [] };
      try {
        const items = await news.get(symbol ?? '', () => fetchPolygonNews(remote.rest, symbol, NEWS_FETCH_LIMIT));
        return { available: true, reason: null, items: items.slice(0, limit ?? DEFAULT_NEWS_LIMIT) };
      } catch (error) {
        throw failed(error, 'News', remote.apiKey);
      }
    },
  };
}

/**
 * Polygon access for interactive calls from the environment's key and the current settings:
 * fewer tries and shorter waits than a backfill, since a person is waiting for the answer.
 */
export function polygonAccessFrom(settings: () => PolygonSettings, env: NodeJS.ProcessEnv, logger: Logger): PolygonAccess {
  return () => {
    const apiKey = polygonApiKeyFrom(env);
    if (!apiKey) return null;
    const config = polygonConfigFrom(settings(), env);
    const rest = new PolygonRestClient({ baseUrl: config.restUrl, apiKey, logger, timeoutMs: 8_000, maxAttempts: 2, backoff: { baseMs: 250, capMs: 1_000 } });
    return { rest, apiKey };
  };
}
