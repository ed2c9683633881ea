import type { IncomingMessage, ServerResponse } from 'node:http';
import { MINUTE_MS, rollUp, type FakeBar, type FakeMarket } from './market-data';

/** What the REST half can be told to do, and what it saw. Shared with the server's script API. */
export interface RestState {
  now(): number;
  apiKeys: ReadonlySet<string>;
  /** true when `key` may not read `ticker` (answered 403 NOT_AUTHORIZED). */
  forbidden(key: string, ticker: string): boolean;
  failures: { status: number; remaining: number };
  stalls: number;
  requests: RestRequestLog[];
}

export interface RestRequestLog {
  path: string;
  /** The query string without the key. */
  query: string;
  key: string | null;
  via: 'query' | 'bearer' | 'none';
}

const DAY_MS = 86_400_000;
const SPAN_MS: Record<string, number> = { second: 1_000, minute: MINUTE_MS, hour: 3_600_000, day: DAY_MS, week: 7 * DAY_MS };
const AGGS = /^\/v2\/aggs\/ticker\/([^/]+)\/range\/(\d+)\/([a-z]+)\/([^/]+)\/([^/]+)$/;

let requestSeq = 0;
const requestId = () => `fake-${(++requestSeq).toString(16).padStart(8, '0')}`;

export function handleRest(req: IncomingMessage, res: ServerResponse, state: RestState, market: FakeMarket): void {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
  const queryKey = url.searchParams.get('apiKey');
  const key = queryKey ?? bearer;
  url.searchParams.delete('apiKey');
  state.requests.push({ path: url.pathname, query: url.searchParams.toString(), key, via: queryKey ? 'query' : bearer ? 'bearer' : 'none' });

  if (state.stalls > 0) {
    state.stalls -= 1;
    return; // never answers; the server destroys the socket when it closes
  }
  if (state.failures.remaining > 0) {
    state.failures.remaining -= 1;
    const status = state.failures.status;
    // Polygon's 429 has no Retry-After header.
    const error =
      status === 429
        ? "You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue. https://polygon.io/pricing"
        : 'Internal server error';
    return send(res, status, { status: 'ERROR', request_id: requestId(), error });
  }
  if (key === null) return send(res, 401, { status: 'ERROR', request_id: requestId(), error: 'API Key was not provided' });
  if (!state.apiKeys.has(key)) return send(res, 401, { status: 'ERROR', request_id: requestId(), error: 'Unknown API Key' });

  const aggs = AGGS.exec(url.pathname);
  if (aggs) return aggregates(res, url, aggs, key, state, market);
  if (url.pathname === '/v3/reference/tickers') return tickers(res, url);
  if (url.pathname === '/v2/reference/news') return news(res, url);
  send(res, 404, { status: 'NOT_FOUND', request_id: requestId(), message: 'Not found' });
}

function aggregates(res: ServerResponse, url: URL, match: RegExpExecArray, key: string, state: RestState, market: FakeMarket): void {
  const [, rawTicker, rawMultiplier, timespan, rawFrom, rawTo] = match as unknown as [string, string, string, string, string, string];
  const ticker = decodeURIComponent(rawTicker);
  const multiplier = Number(rawMultiplier);
  const span = SPAN_MS[timespan];
  const from = parseBound(rawFrom, false);
  const to = parseBound(rawTo, true);
  if (span === undefined || from === null || to === null || multiplier < 1) {
    return send(res, 400, { status: 'ERROR', request_id: requestId(), error: 'Could not parse the request' });
  }
  if (state.forbidden(key, ticker)) {
    return send(res, 403, { status: 'NOT_AUTHORIZED', request_id: requestId(), message: 'You are not entitled to this data. Please upgrade your plan at https://polygon.io/pricing' });
  }
  // The cursor carries limit/sort/adjusted on later pages, as Polygon's next_url does.
  const cursor = url.searchParams.get('cursor');
  const params = cursor ? new URLSearchParams(Buffer.from(cursor, 'base64url').toString()) : url.searchParams;
  const limit = Math.min(50_000, Math.max(1, Number(params.get('limit') ?? 5_000)));
  const sort = params.get('sort') === 'desc' ? 'desc' : 'asc';
  const adjusted = params.get('adjusted') !== 'false';

  // Only finished base bars exist: the running minute (or second) is not served yet.
  const baseMs = timespan === 'second' ? 1_000 : MINUTE_MS;
  const lastFinished = Math.floor(state.now() / baseMs) * baseMs - baseMs;
  const end = Math.min(to, lastFinished);
  const base = baseBars(market, ticker, from, end, timespan === 'second', limit + 1);
  const window = span * multiplier;
  let pageBase = base.slice(0, limit);
  let nextFrom: number | null = null;
  if (base.length > limit) {
    // Cut on a window boundary so no bar is split across pages.
    const lastWindow = Math.floor(pageBase[pageBase.length - 1]!.t / window) * window;
    const cut = window > baseMs ? pageBase.filter((b) => b.t < lastWindow) : pageBase;
    pageBase = cut.length > 0 ? cut : pageBase;
    nextFrom = cut.length > 0 && window > baseMs ? lastWindow : base[limit]!.t;
  }
  let results: FakeBar[] = window === baseMs ? pageBase : rollUp(pageBase, window);
  if (sort === 'desc') results = [...results].reverse();
  const body: Record<string, unknown> = { ticker, queryCount: pageBase.length, resultsCount: results.length, adjusted };
  if (results.length > 0) body.results = results; // an empty answer has no `results` key
  body.status = 'OK';
  body.request_id = requestId();
  body.count = results.length;
  if (nextFrom !== null) {
    const next = new URL(`/v2/aggs/ticker/${rawTicker}/range/${multiplier}/${timespan}/${nextFrom}/${rawTo}`, url.origin);
    next.searchParams.set('cursor', Buffer.from(`adjusted=${adjusted}&limit=${limit}&sort=${sort}`).toString('base64url'));
    body.next_url = next.toString();
  }
  send(res, 200, body);
}

function baseBars(market: FakeMarket, ticker: string, from: number, to: number, seconds: boolean, max: number): FakeBar[] {
  const out: FakeBar[] = [];
  for (let m = Math.floor(from / MINUTE_MS) * MINUTE_MS; m <= to && out.length < max; m += MINUTE_MS) {
    const bars = seconds ? market.secondBars(ticker, m) : [market.minuteBar(ticker, m)];
    for (const bar of bars) if (bar && bar.t >= from && bar.t <= to && out.length < max) out.push(bar);
  }
  return out;
}

/** Unix ms, or YYYY-MM-DD (a UTC day here; Polygon uses the exchange's day). `to` dates include the whole day. */
function parseBound(text: string, end: boolean): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(day) ? null : end ? day + DAY_MS - 1 : day;
}

const TICKERS = [
  { ticker: 'AAPL', name: 'Apple Inc.', market: 'stocks', locale: 'us', primary_exchange: 'XNAS', type: 'CS', active: true, currency_name: 'usd', cik: '0000320193' },
  { ticker: 'MSFT', name: 'Microsoft Corp', market: 'stocks', locale: 'us', primary_exchange: 'XNAS', type: 'CS', active: true, currency_name: 'usd' },
  { ticker: 'SPY', name: 'SPDR S&P 500 ETF Trust', market: 'stocks', locale: 'us', primary_exchange: 'ARCX', type: 'ETF', active: true, currency_name: 'usd' },
  { ticker: 'APLE', name: 'Apple Hospitality REIT, Inc.', market: 'stocks', locale: 'us', primary_exchange: 'XNYS', type: 'CS', active: true, currency_name: 'usd' },
  { ticker: 'TSLA', name: 'Tesla, Inc. Common Stock', market: 'stocks', locale: 'us', primary_exchange: 'XNAS', type: 'CS', active: true, currency_name: 'usd' },
  // Markets Kestrel cannot stream: a ticker search must leave them out.
  { ticker: 'C:EURUSD', name: 'Euro - United States Dollar', market: 'fx', locale: 'global', active: true, currency_symbol: 'USD', currency_name: 'United States Dollar', base_currency_symbol: 'EUR' },
  { ticker: 'I:NDX', name: 'Nasdaq-100', market: 'indices', locale: 'us', active: true, source_feed: 'Nasdaq' },
  {
    ticker: 'X:BTCUSD',
    name: 'Bitcoin - United States dollar',
    market: 'crypto',
    locale: 'global',
    active: true,
    currency_symbol: 'USD',
    currency_name: 'United States dollar',
    base_currency_symbol: 'BTC',
    base_currency_name: 'Bitcoin',
  },
];

function tickers(res: ServerResponse, url: URL): void {
  const search = url.searchParams.get('search')?.toLowerCase();
  const market = url.searchParams.get('market');
  const limit = Math.min(1_000, Number(url.searchParams.get('limit') ?? 100));
  const offset = Number(url.searchParams.get('cursor') ?? 0);
  const matches = TICKERS.filter(
    (t) => (!search || t.ticker.toLowerCase().includes(search) || t.name.toLowerCase().includes(search)) && (!market || t.market === market),
  );
  const results = matches.slice(offset, offset + limit);
  const body: Record<string, unknown> = { results, status: 'OK', request_id: requestId(), count: results.length };
  if (offset + limit < matches.length) {
    const next = new URL('/v3/reference/tickers', url.origin);
    next.searchParams.set('cursor', String(offset + limit));
    body.next_url = next.toString();
  }
  send(res, 200, body);
}

const NEWS = [
  { id: 'n3', title: 'Apple ships a thing', author: 'A. Writer', published_utc: '2026-01-05T15:00:00Z', article_url: 'https://news.example/3', tickers: ['AAPL'] },
  { id: 'n2', title: 'Microsoft and Apple', author: 'B. Writer', published_utc: '2026-01-05T14:00:00Z', article_url: 'https://news.example/2', tickers: ['MSFT', 'AAPL'] },
  { id: 'n1', title: 'Markets open', author: 'C. Writer', published_utc: '2026-01-05T13:00:00Z', article_url: 'https://news.example/1', tickers: [] },
  // Only TSLA's: one readable story, and links a client must not open (not https).
  { id: 't3', title: 'Tesla delivers', author: 'D. Writer', published_utc: '2026-01-05T16:30:00Z', article_url: 'https://news.example/t3', tickers: ['TSLA'] },
  { id: 't2', title: 'Tesla over plain http', author: 'D. Writer', published_utc: '2026-01-05T16:20:00Z', article_url: 'http://news.example/t2', tickers: ['TSLA'] },
  { id: 't1', title: 'Tesla script link', author: 'D. Writer', published_utc: '2026-01-05T16:10:00Z', article_url: 'javascript:alert(1)', tickers: ['TSLA'] },
].map((n) => ({
  ...n,
  publisher: { name: 'Example Wire', homepage_url: 'https://news.example/', logo_url: 'https://news.example/logo.svg' },
  description: `${n.title}: the story in one line.`,
  keywords: [],
}));

function news(res: ServerResponse, url: URL): void {
  const ticker = url.searchParams.get('ticker');
  const limit = Number(url.searchParams.get('limit') ?? 10);
  // Polygon's default order: newest first (published_utc desc).
  const results = NEWS.filter((n) => !ticker || n.tickers.includes(ticker))
    .sort((a, b) => b.published_utc.localeCompare(a.published_utc))
    .slice(0, limit);
  send(res, 200, { results, status: 'OK', request_id: requestId(), count: results.length });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
