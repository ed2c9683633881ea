import type { Instrument } from '@shared/dto/market-data';
import { NewsItem } from '@shared/dto/news';
import { DomainError } from '../../core/api/domain-error';
import { PolygonConfigError } from '../adapters/polygon/config';
import { PolygonApiError } from '../adapters/polygon/errors';
import type { JsonObject, PolygonRestClient } from '../adapters/polygon/rest-client';
import { toInstrument } from '../adapters/polygon/rest-endpoints';

/** Markets whose tickers Kestrel can stream and chart (the stocks and crypto clusters). */
const STREAMED_MARKETS = new Set(['stocks', 'crypto']);

/** One page of `/v3/reference/tickers?search=`: Polygon matches the ticker and the company name. */
export async function searchPolygonTickers(rest: PolygonRestClient, query: string, limit: number, signal?: AbortSignal): Promise<Instrument[]> {
  const page = await rest.getJson('v3/reference/tickers', { search: query, active: true, limit }, signal);
  const out: Instrument[] = [];
  for (const item of objects(page.results)) {
    if (typeof item.market !== 'string' || !STREAMED_MARKETS.has(item.market)) continue;
    const instrument = toInstrument(item);
    if (instrument) out.push(instrument);
  }
  return out;
}

/** `/v2/reference/news`, newest first, up to `limit`. */
export async function fetchPolygonNews(rest: PolygonRestClient, symbol: string | undefined, limit: number, signal?: AbortSignal): Promise<NewsItem[]> {
  const page = await rest.getJson('v2/reference/news', { ticker: symbol, limit, order: 'desc', sort: 'published_utc' }, signal);
  return parseNewsResults(page);
}

/**
 * Polygon news results → NewsItem; an entry without an id, title, parseable time or an https
 * article URL is dropped (the renderer only ever opens https links, in the system browser).
 */
export function parseNewsResults(page: JsonObject): NewsItem[] {
  const items: NewsItem[] = [];
  for (const n of objects(page.results)) {
    const publisher = typeof n.publisher === 'object' && n.publisher !== null ? (n.publisher as JsonObject).name : null;
    const summary = typeof n.description === 'string' && n.description.trim() !== '' ? n.description.trim().slice(0, 2000) : null;
    const parsed = NewsItem.safeParse({
      id: n.id,
      publishedAt: typeof n.published_utc === 'string' ? Date.parse(n.published_utc) : NaN,
      title: typeof n.title === 'string' ? n.title.trim().slice(0, 500) : null,
      publisher: typeof publisher === 'string' && publisher.trim() !== '' ? publisher.trim().slice(0, 200) : 'Unknown publisher',
      url: n.article_url,
      tickers: Array.isArray(n.tickers) ? (n.tickers as unknown[]).filter((t): t is string => typeof t === 'string' && t.length <= 32).slice(0, 100) : [],
      summary,
    });
    if (parsed.success && parsed.data.title !== '') items.push(parsed.data);
  }
  return items;
}

/**
 * What to store for a ticker Polygon returned: its name, exchange and status are fresh, but a
 * tick or lot size already known locally (imported or configured) wins over Polygon's
 * defaults, which are guesses (Polygon's reference data carries neither).
 */
export function refreshedInstrument(known: Instrument | null, fetched: Instrument): Instrument {
  return known ? { ...fetched, tickSize: known.tickSize, lotSize: known.lotSize } : fetched;
}

/** Local and remote results as one list: exact symbol, then symbol prefix, then the rest, each in arrival order. */
export function mergeInstruments(query: string, local: readonly Instrument[], remote: readonly Instrument[], limit: number): Instrument[] {
  const text = query.trim().toUpperCase();
  const seen = new Set<string>();
  const all: Instrument[] = [];
  for (const instrument of [...local, ...remote]) {
    if (seen.has(instrument.symbol)) continue;
    seen.add(instrument.symbol);
    all.push(instrument);
  }
  const rank = (i: Instrument): number => {
    const symbol = i.symbol.toUpperCase();
    const bare = symbol.slice(symbol.indexOf(':') + 1);
    if (symbol === text || bare === text) return 0;
    if (symbol.startsWith(text) || bare.startsWith(text)) return 1;
    return 2;
  };
  return all
    .map((instrument, index) => ({ instrument, index, rank: rank(instrument) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.instrument);
}

/**
 * A Polygon failure (bad key, plan, rate limit, outage, timeout, bad config) as UNAVAILABLE,
 * with the key scrubbed from the text; anything else is not ours to classify (null).
 */
export function polygonUnavailable(error: unknown, what: string, apiKey: string | null): DomainError | null {
  if (!(error instanceof PolygonApiError) && !(error instanceof PolygonConfigError)) return null;
  return new DomainError('UNAVAILABLE', `${what} is unavailable: ${scrubKey(error.message, apiKey)}`);
}

export function scrubKey(text: string, apiKey: string | null): string {
  return apiKey ? text.split(apiKey).join('[key]') : text;
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? (value as unknown[]).filter((x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}
