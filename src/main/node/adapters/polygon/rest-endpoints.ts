import { Instrument, type AssetClass } from '@shared/dto/market-data';
import type { Bar } from '../../../core/market-data/types';
import type { JsonObject, PolygonRestClient, Query } from './rest-client';

/** Polygon's REST endpoints used by Kestrel, parsed into engine types. Shapes: see the fake server. */
export type Timespan = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface AggregatesRequest {
  ticker: string;
  multiplier: number;
  timespan: Timespan;
  /** YYYY-MM-DD (Polygon applies its own session calendar) or epoch ms; both inclusive. */
  from: string | number;
  to: string | number;
  adjusted?: boolean;
  sort?: 'asc' | 'desc';
  /** Base aggregates per page (Polygon: default 5,000, at most 50,000). */
  limit?: number;
}

/** One page of bars at a time, following next_url. An empty result has no `results` key. */
export async function* aggregatePages(rest: PolygonRestClient, request: AggregatesRequest, signal?: AbortSignal): AsyncGenerator<Bar[]> {
  // Polygon spells crypto tickers with a colon in the path (X:BTCUSD); keep it readable.
  const ticker = encodeURIComponent(request.ticker).replace(/%3A/gi, ':');
  const path = `v2/aggs/ticker/${ticker}/range/${request.multiplier}/${request.timespan}/${request.from}/${request.to}`;
  const query: Query = { adjusted: request.adjusted ?? true, sort: request.sort ?? 'asc', limit: request.limit ?? 50_000 };
  for await (const page of rest.pages(path, query, signal)) yield parseAggregateResults(page);
}

export function parseAggregateResults(page: JsonObject): Bar[] {
  const results = page.results;
  if (!Array.isArray(results)) return [];
  const bars: Bar[] = [];
  for (const item of results as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as JsonObject;
    const { t, o, h, l, c, v } = r;
    if (typeof t !== 'number' || typeof o !== 'number' || typeof h !== 'number' || typeof l !== 'number' || typeof c !== 'number' || typeof v !== 'number') continue;
    bars.push({
      time: t,
      open: o,
      high: h,
      low: l,
      close: c,
      volume: v,
      vwap: typeof r.vw === 'number' ? r.vw : null,
      trades: typeof r.n === 'number' ? r.n : null,
    });
  }
  return bars;
}

export interface TickerQuery {
  search?: string;
  ticker?: string;
  market?: 'stocks' | 'crypto' | 'fx' | 'otc' | 'indices';
  active?: boolean;
  /** Stop after this many instruments (pages of up to 1,000 are followed until then). */
  max?: number;
}

/** `/v3/reference/tickers` → instruments; entries that do not fit Kestrel's schema are skipped. */
export async function fetchInstruments(rest: PolygonRestClient, query: TickerQuery, signal?: AbortSignal): Promise<Instrument[]> {
  const max = query.max ?? 1_000;
  const out: Instrument[] = [];
  const params: Query = { search: query.search, ticker: query.ticker, market: query.market, active: query.active ?? true, limit: Math.min(1_000, max) };
  for await (const page of rest.pages('v3/reference/tickers', params, signal)) {
    for (const item of objects(page.results)) {
      const instrument = toInstrument(item);
      if (instrument) out.push(instrument);
      if (out.length >= max) return out;
    }
  }
  return out;
}

const ETF_TYPES = new Set(['ETF', 'ETN', 'ETV', 'ETS']);

export function toInstrument(t: JsonObject): Instrument | null {
  const market = t.market;
  const type = typeof t.type === 'string' ? t.type : '';
  const assetClass: AssetClass =
    market === 'crypto' ? 'crypto' : market === 'fx' ? 'fx' : market === 'indices' ? 'index' : ETF_TYPES.has(type) ? 'etf' : 'stock';
  const crypto = assetClass === 'crypto';
  const parsed = Instrument.safeParse({
    symbol: t.ticker,
    name: typeof t.name === 'string' ? t.name.slice(0, 200) : String(t.ticker),
    assetClass,
    exchange: typeof t.primary_exchange === 'string' ? t.primary_exchange : typeof market === 'string' ? market : '',
    currency: currencyOf(t),
    // Polygon's reference data has no tick or lot size; these are the US equity and common crypto defaults.
    tickSize: '0.01',
    lotSize: crypto ? '0.00000001' : '1',
    active: t.active !== false,
  });
  return parsed.success ? parsed.data : null;
}

/** Crypto entries name the quote currency in `currency_symbol`; stocks give `currency_name: "usd"`. */
function currencyOf(t: JsonObject): string {
  for (const field of [t.currency_symbol, t.currency_name]) {
    if (typeof field === 'string' && /^[a-z]{3}$/i.test(field)) return field.toUpperCase();
  }
  return 'USD';
}

export interface NewsItem {
  id: string;
  title: string;
  author: string | null;
  publisher: string | null;
  /** UTC epoch ms. */
  published: number;
  url: string;
  tickers: string[];
}

/** `/v2/reference/news`, newest first. */
export async function fetchNews(rest: PolygonRestClient, query: { ticker?: string; limit?: number }, signal?: AbortSignal): Promise<NewsItem[]> {
  const limit = Math.min(query.limit ?? 20, 1_000);
  const page = await rest.getJson('v2/reference/news', { ticker: query.ticker, limit, order: 'desc', sort: 'published_utc' }, signal);
  const items: NewsItem[] = [];
  for (const n of objects(page.results)) {
    const published = typeof n.published_utc === 'string' ? Date.parse(n.published_utc) : NaN;
    if (typeof n.id !== 'string' || typeof n.title !== 'string' || typeof n.article_url !== 'string' || Number.isNaN(published)) continue;
    const publisher = typeof n.publisher === 'object' && n.publisher !== null ? (n.publisher as JsonObject).name : null;
    items.push({
      id: n.id,
      title: n.title,
      author: typeof n.author === 'string' ? n.author : null,
      publisher: typeof publisher === 'string' ? publisher : null,
      published,
      url: n.article_url,
      tickers: Array.isArray(n.tickers) ? (n.tickers as unknown[]).filter((x): x is string => typeof x === 'string') : [],
    });
  }
  return items;
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? (value as unknown[]).filter((x): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
}
