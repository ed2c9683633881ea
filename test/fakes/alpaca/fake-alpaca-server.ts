/**
 * A fake Alpaca (Trading API v2 REST, the trade_updates stream and the stock data stream, one
 * port on 127.0.0.1) for integration tests. It never matches orders itself: tests fill, reject
 * and expire them. Scriptable faults: 5xx, stalls (the order IS created), 429 storms, dropped
 * or refused streams.
 *
 * Shapes relied on, and where they come from:
 * - REST auth (docs: authentication): headers APCA-API-KEY-ID / APCA-API-SECRET-KEY. Wrong or
 *   missing → 401 {"code":40110000,"message":"request is not authorized"} (the body seen in many
 *   public logs; the docs give no body).
 * - Order object (docs: websocket-streaming example, orders API): id, client_order_id,
 *   created_at…failed_at, replaced_at, replaced_by, replaces, asset_id, symbol, asset_class,
 *   notional, qty, filled_qty, filled_avg_price, order_class ("" when simple), order_type, type,
 *   side, time_in_force, limit_price, stop_price, status, extended_hours, legs, trail_percent,
 *   trail_price, hwm; decimals are strings; stamps RFC 3339 with ≤ 9 fractional digits, UTC or
 *   New York offset (the docs example mixes "…981350886-04:00" and "…024916716Z").
 * - POST /v2/orders (docs: orders-at-alpaca): qty xor notional; types market/limit/stop/
 *   stop_limit/trailing_stop; tif day/gtc/opg/cls/ioc/fok; order_class simple/bracket/oco/oto
 *   with take_profit {limit_price} and stop_loss {stop_price, limit_price?}; bracket/oto legs are
 *   "held" until the entry fills; one exit filling cancels the other; canceling one cancels the
 *   group; sub-penny → 422 {"code":42210000,"message":"invalid limit_price 290.123. sub-penny
 *   increment does not fulfill minimum pricing criteria"} (quoted from the docs).
 * - client_order_id ≤ 128 chars, unique forever → 422 {"code":40010001,"message":
 *   "client_order_id must be unique"} (measured on paper per public reports; one report says
 *   42210000 — clients should key on 422 + message). Field errors → 422 code 40010001 with the
 *   fake's own wording (Alpaca does not publish the texts).
 * - 403 {"buying_power":"…","code":40310000,"cost_basis":"…","message":"insufficient buying
 *   power"} (alpacahq/alpaca-py#225); 403 40310000 "insufficient qty available for order
 *   (requested: N, available: M)" when selling more than is held without shorting (public logs).
 * - 404 {"code":40410000,"message":"order not found" | "position does not exist" |
 *   "asset not found for XYZ"}; cancel of a closed order → 422 {"code":42210000,"message":
 *   "order is already in \"filled\" state"} (public logs).
 * - DELETE /v2/orders/{id} → 204, the cancel arrives on the stream; DELETE /v2/orders → 207
 *   [{id,status,body}]; PATCH → a new order (new id, replaces = old id), the old one
 *   "replaced" with replaced_by; DELETE /v2/positions/{symbol} → the closing market order.
 * - Rate limit (docs: broker-api-rate-limits; Trading API 200/min): every response carries
 *   X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset (unix seconds); over → 429.
 *   UNSURE: the 429 body; the fake sends {"code":42910000,"message":"rate limit exceeded"}.
 * - 5xx: 500 {"code":50010000,"message":"internal server error occurred"}; 502/503/504 as the
 *   load balancer's HTML page (a client must not assume JSON).
 * - /stream (docs: websocket-streaming): {"action":"auth","key","secret"} →
 *   {"stream":"authorization","data":{"status":"authorized"|"unauthorized","action":"authenticate"}};
 *   listen before auth → …"action":"listen"; {"action":"listen","data":{"streams":[…]}} →
 *   {"stream":"listening","data":{"streams":[…offered only]}}; updates {"stream":"trade_updates",
 *   "data":{event, order, timestamp, execution_id, price, qty, position_qty}}; BINARY frames on
 *   paper (docs note), one object per frame; errors {"action":"error","data":{"error_message"}}.
 *   Assumption: a replace sends "replaced" (old order) then "new" (new order).
 * - /v2/iex, /v2/sip (docs: streaming-market-data, real-time-stock-pricing-data): text frames;
 *   [{"T":"success","msg":"connected"}]; auth message or handshake headers →
 *   [{"T":"success","msg":"authenticated"}]; errors [{"T":"error","code":…,"msg":…}] with 400
 *   invalid syntax, 401 not authenticated, 402 auth failed, 403 already authenticated, 404 auth
 *   timeout, 405 symbol limit exceeded, 406 connection limit exceeded, 409 insufficient
 *   subscription; subscription reply lists trades, quotes, bars, updatedBars, dailyBars,
 *   statuses, lulds, corrections, cancelErrors (full set). Assumption: the server closes after
 *   402/404/406/409.
 * Simplifications: one account shared by all keys; no holidays unless given; fills only by the
 * test (or fillOnSubmit for market orders); replacing a bracket parent drops its legs.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DataStream, type DataFeed } from './data-stream';
import { Executions } from './executions';
import { Faults, RateLimiter } from './faults';
import { IdSource } from './ids';
import { Ledger } from './ledger';
import { MarketHours, type MarketCalendar } from './market-hours';
import { OrderBook, type FakeAssetSpec } from './order-book';
import { handleRest, type RecordedRequest } from './rest-http';
import { StampWriter, type TimestampFormat } from './timestamps';
import { TradeStream } from './trade-stream';
import { FakeAlpaca } from './fake-alpaca';

export interface FakeAlpacaOptions {
  /** Accepted key pairs; default [{ keyId: 'PKFAKE', secret: 'fake-secret' }]. */
  keys?: readonly { keyId: string; secret: string }[];
  /** Manual clock start (epoch ms); default 2024-03-15T13:30:00Z (09:30 New York, a Friday). */
  start?: number;
  /** 'system' reads Date.now(); default 'manual' (fake.clock.set/advance). */
  clock?: 'manual' | 'system';
  timestampFormat?: TimestampFormat;
  cash?: string;
  /** Allow selling more than is held; default false (403 insufficient qty). */
  shorting?: boolean;
  assets?: readonly FakeAssetSpec[];
  /** Last prices, for buying power of market orders and position values. */
  prices?: Record<string, string>;
  /** Market orders fill at once at this price (one for all symbols, or per symbol). */
  fillOnSubmit?: string | Record<string, string>;
  /** Status in the POST answer before the stream's `new`; default 'accepted'. */
  initialStatus?: 'accepted' | 'new' | 'pending_new';
  cancelMode?: 'immediate' | 'manual';
  rateLimitPerMinute?: number;
  /** The rate-limit window (60 s at Alpaca); a short one keeps a 429 test fast. */
  rateLimitWindowMs?: number;
  tradeFrames?: 'binary' | 'text';
  dataFeeds?: Record<string, readonly DataFeed[]>;
  dataConnectionLimit?: number;
  dataAuthTimeoutMs?: number;
  dataSymbolLimit?: number;
  calendar?: MarketCalendar;
  seed?: number;
}

export const DEFAULT_START = Date.UTC(2024, 2, 15, 13, 30);

export async function startFakeAlpaca(options: FakeAlpacaOptions = {}): Promise<FakeAlpaca> {
  const keyList = options.keys ?? [{ keyId: 'PKFAKE', secret: 'fake-secret' }];
  const keys = new Map(keyList.map((k) => [k.keyId, k.secret]));
  let manualNow = options.start ?? DEFAULT_START;
  const now = options.clock === 'system' ? () => Date.now() : () => manualNow;
  const clock = { now, set: (ms: number) => void (manualNow = ms), advance: (ms: number) => void (manualNow += ms) };
  const stamps = new StampWriter(options.timestampFormat ?? 'rotate');
  const ledger = new Ledger(options.cash ?? '100000', options.prices ?? {});
  const assets = new Map((options.assets ?? ['AAPL', 'MSFT', 'SPY'].map((symbol) => ({ symbol }))).map((a) => [a.symbol, a]));
  const trade = new TradeStream(keys, options.tradeFrames ?? 'binary');
  const shorting = options.shorting ?? false;
  const book = new OrderBook({
    ids: new IdSource(options.seed ?? 7),
    stamps,
    now,
    ledger,
    assets,
    shorting,
    initialStatus: options.initialStatus ?? 'accepted',
    emit: (data) => void trade.publish(data),
    later: (fn) => void setImmediate(fn),
  });
  book.fillOnSubmit = options.fillOnSubmit ?? null;
  const executions = new Executions(book);
  executions.cancelMode = options.cancelMode ?? 'immediate';
  const data = new DataStream({
    keys,
    feeds: options.dataFeeds,
    connectionLimit: options.dataConnectionLimit ?? 1,
    authTimeoutMs: options.dataAuthTimeoutMs ?? 10_000,
    symbolLimit: options.dataSymbolLimit,
  });
  const faults = new Faults();
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 200, options.rateLimitWindowMs);
  const requests: RecordedRequest[] = [];
  const stalled = new Set<ServerResponse>();
  const ctx = { book, executions, ledger, hours: new MarketHours(options.calendar), assets, shorting, now, accountCreatedAt: '2024-01-02T15:04:05.123456Z' };

  const server = createServer((req, res) => handleRest(req, res, { ctx, faults, limiter, keys, requests, stalled, now }));
  const tcp = new Set<Socket>();
  server.on('connection', (s) => {
    tcp.add(s);
    s.on('close', () => tcp.delete(s));
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/stream') return trade.upgrade(req, socket, head);
    if (path === '/v2/iex' || path === '/v2/sip') return data.upgrade(req, socket, head, path.slice(4) as DataFeed);
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return new FakeAlpaca({ port, server, tcp, stalled, clock, stamps, book, executions, ledger, trade, data, faults, limiter, requests });
}

export { FakeAlpaca, type FakeClock } from './fake-alpaca';
export type { FailOptions, StallOptions, FaultTarget } from './faults';
export type { FakeBar, FakeQuote, FakeTrade } from './market-points';
export type { FakeAssetSpec, TradeUpdateData } from './order-book';
export type { RecordedRequest } from './rest-http';
export type { TimestampFormat } from './timestamps';
export type { TradeLogEntry } from './trade-stream';
export type { DataFeed } from './data-stream';
