/**
 * A fake Polygon (REST + WebSocket, one port on 127.0.0.1) for integration tests, written
 * from Polygon's documentation. Scriptable: a manual clock, forced disconnects, refused
 * reconnects, malformed frames, 429/5xx bursts, stalled requests and per-key entitlements.
 *
 * Shapes relied on, and where they come from:
 * - Socket flow (polygon.io/sockets, polygon.io/docs/stocks/ws_getting-started): on connect
 *   `[{"ev":"status","status":"connected","message":"Connected Successfully"}]`; the client
 *   sends `{"action":"auth","params":KEY}` → `[{"ev":"status","status":"auth_success",
 *   "message":"authenticated"}]` or `…"status":"auth_failed","message":"authentication failed"}]`
 *   (reported in polygon-io/client-php#17); then `{"action":"subscribe","params":"T.AAPL,AM.AAPL"}`
 *   → one reply per channel, `{"ev":"status","status":"success","message":"subscribed to: T.AAPL"}`.
 *   A channel the plan lacks is answered `{"ev":"status","status":"error","message":"not authorized"}`
 *   (Polygon knowledge base "Why am I not authorized…"; the exact per-channel text is not
 *   documented, so the client also accepts a message that names the channel).
 * - Frames are JSON arrays of mixed events (docs: "Messages from the server are JSON arrays").
 * - T (docs ws_stocks_t): ev, sym, x, i, z, p, s, c[] (left out for a regular trade), t (ms), q.
 * - Q (docs/websocket/stocks/quotes): ev, sym, bx, bp, bs, ax, ap, as, c, t, q, z.
 * - A / AM (docs ws_stocks_a, ws_stocks_am): ev, sym, v, av, op, vw, o, c, h, l, a, z, s, e.
 * - Crypto (docs ws_crypto_xt, ws_crypto_xa): XT {ev, pair "BTC-USD", p, t, s, c[1|2], i, x, r};
 *   XQ {ev, pair, bp, bs, ap, as, t, x, r}; XA / XAS {ev, pair, o, c, h, l, v, s, e, vw, z}.
 * - REST aggregates (docs get_v2_aggs_ticker…; polygon.io/blog/aggs-api-updates):
 *   `/v2/aggs/ticker/{t}/range/{mult}/{timespan}/{from}/{to}?adjusted&sort&limit` (from/to a
 *   date or Unix ms, limit = base aggregates, default 5,000, max 50,000) → {ticker, queryCount,
 *   resultsCount, adjusted, results:[{v,vw,o,c,h,l,t,n}], status:"OK", request_id, count,
 *   next_url}; no `results` key when empty; next_url has a `cursor` and never the key
 *   (polygon-io/issues#303 shows one: …/range/1/minute/1658156340000/2023-02-03?cursor=…).
 * - `/v3/reference/tickers` → {results:[{ticker,name,market,locale,primary_exchange,type,
 *   active,currency_name…}], status, request_id, count, next_url}; `/v2/reference/news` →
 *   {results:[{id,publisher{name…},title,author,published_utc,article_url,tickers…}], …}.
 * - Errors: 401 `{"status":"ERROR","request_id":…,"error":"Unknown API Key"}` (and
 *   "API Key was not provided", polygon-io/issues#219); 403 `{"status":"NOT_AUTHORIZED",
 *   "request_id":…,"message":"You are not entitled to this data…"}` (maybe-finance/maybe#152);
 *   429 `{"status":"ERROR",…,"error":"You've exceeded the maximum requests per minute…"}`
 *   with no Retry-After header.
 * Simplifications: every ticker trades around the clock; YYYY-MM-DD bounds are UTC days.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../../../src/main/core/ports/clock';
import { FakeMarket, MINUTE_MS, type FakeBar, type FakeTrade } from './market-data';
import { handleRest, type RestState } from './fake-rest';
import { FakeSockets, type Addressed, type FakeClient, type FakeCluster } from './fake-sockets';

export interface FakePolygonOptions {
  /** REST tickers it streams: AAPL, X:BTCUSD … */
  symbols: readonly string[];
  apiKeys?: readonly string[];
  /** Start of the manual clock; rounded down to a minute. */
  start: number;
  /** Channel prefixes a key may not subscribe to, e.g. { 'basic-key': ['Q'] }. */
  unentitled?: Record<string, readonly string[]>;
  /** REST tickers a key may not read (403). */
  restForbidden?: Record<string, readonly string[]>;
  /** Events per frame (Polygon batches); default 25. */
  batch?: number;
  seed?: number;
}

export class FakePolygonServer {
  readonly market: FakeMarket;
  readonly clock: Clock & { set(ms: number): void };
  readonly rest: RestState;
  readonly sockets: FakeSockets;
  private now: number;
  private readonly day = new Map<string, { op: number; av: number; pv: number }>();
  private readonly stalled = new Set<ServerResponse>();
  private readonly tcp = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: FakePolygonOptions,
  ) {
    this.now = Math.floor(options.start / MINUTE_MS) * MINUTE_MS;
    this.market = new FakeMarket(options.seed);
    this.clock = { now: () => this.now, set: (ms) => void (this.now = ms) };
    const keys = new Set(options.apiKeys ?? ['test-key']);
    this.rest = {
      now: () => this.now,
      apiKeys: keys,
      forbidden: (key, ticker) => options.restForbidden?.[key]?.includes(ticker) ?? false,
      failures: { status: 429, remaining: 0 },
      stalls: 0,
      requests: [],
    };
    this.sockets = new FakeSockets({ apiKeys: keys, unentitled: (key) => options.unentitled?.[key] ?? [], refusing: false });
  }

  static async start(options: FakePolygonOptions): Promise<FakePolygonServer> {
    const server = createServer();
    const fake = new FakePolygonServer(server, options);
    server.on('connection', (socket) => {
      fake.tcp.add(socket);
      socket.on('close', () => fake.tcp.delete(socket));
    });
    server.on('request', (req, res) => {
      res.on('close', () => fake.stalled.delete(res));
      fake.stalled.add(res);
      handleRest(req, res, fake.rest, fake.market);
    });
    server.on('upgrade', (req, socket, head) => fake.sockets.upgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  get restUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** The socket base: clusters are `${wsUrl}/stocks` and `${wsUrl}/crypto`. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The next `count` REST requests fail with `status` (429 by default, without Retry-After). */
  failRest(count: number, status = 429): void {
    this.rest.failures = { status, remaining: count };
  }
  /** The next `count` REST requests are never answered. */
  stallRest(count: number): void {
    this.rest.stalls = count;
  }
  /** While on, new socket connections are refused (existing ones stay). */
  refuseConnections(on: boolean): void {
    this.sockets.state.refusing = on;
  }
  /** Drops the sockets of `key` (all when omitted) without a close handshake. */
  drop(key?: string): number {
    return this.sockets.drop((c) => key === undefined || c.key === key);
  }
  /** Sends raw frames as they are (bad JSON, objects, unknown events …) to `key`'s sockets. */
  inject(frames: readonly string[], key?: string): Promise<number> {
    return this.sockets.sendRaw(frames, (c: FakeClient) => key === undefined || c.key === key);
  }

  /**
   * Streams the current minute: its trades, quotes and second aggregates in time order,
   * batched into mixed frames; then the clock moves to the next minute and the minute's AM/XA
   * bars go out. Resolves when every frame has been handed to the sockets.
   */
  async advanceMinute(): Promise<void> {
    const minute = this.now;
    for (const cluster of ['stocks', 'crypto'] as const) {
      const timeline: { t: number; event: Addressed }[] = [];
      for (const ticker of this.tickers(cluster)) {
        for (const trade of this.market.trades(ticker, minute)) {
          timeline.push({ t: trade.t, event: tradeEvent(cluster, trade) });
          if (trade.q % 3 === 0) timeline.push({ t: trade.t, event: quoteEvent(cluster, trade) });
        }
        for (const bar of this.market.secondBars(ticker, minute)) {
          timeline.push({ t: bar.t + 999, event: this.barEvent(cluster, ticker, bar, 1_000, false) });
        }
      }
      timeline.sort((a, b) => a.t - b.t);
      await this.sockets.broadcast(cluster, timeline.map((x) => x.event), this.options.batch ?? 25);
    }
    this.now = minute + MINUTE_MS;
    for (const cluster of ['stocks', 'crypto'] as const) {
      const closes: Addressed[] = [];
      for (const ticker of this.tickers(cluster)) {
        const bar = this.market.minuteBar(ticker, minute);
        if (bar) closes.push(this.barEvent(cluster, ticker, bar, MINUTE_MS, true));
      }
      await this.sockets.broadcast(cluster, closes, this.options.batch ?? 25);
    }
  }

  async close(): Promise<void> {
    this.sockets.close();
    for (const res of this.stalled) res.destroy();
    for (const socket of this.tcp) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private tickers(cluster: FakeCluster): string[] {
    return this.options.symbols.filter((s) => s.startsWith('X:') === (cluster === 'crypto'));
  }

  private barEvent(cluster: FakeCluster, ticker: string, bar: FakeBar, length: number, minute: boolean): Addressed {
    const z = Math.round(bar.v / bar.n);
    const base = { v: bar.v, vw: bar.vw, o: bar.o, c: bar.c, h: bar.h, l: bar.l, z, s: bar.t, e: bar.t + length };
    if (cluster === 'crypto') {
      const channel = minute ? 'XA' : 'XAS';
      return { channel, symbol: pairOf(ticker), body: { ev: channel, pair: pairOf(ticker), ...base } };
    }
    const day = this.day.get(ticker) ?? { op: bar.o, av: 0, pv: 0 };
    if (minute) {
      day.av += bar.v;
      day.pv += bar.vw * bar.v;
      this.day.set(ticker, day);
    }
    const channel = minute ? 'AM' : 'A';
    const a = day.av > 0 ? Math.round((day.pv / day.av) * 10_000) / 10_000 : bar.vw;
    return { channel, symbol: ticker, body: { ev: channel, sym: ticker, ...base, av: day.av, op: day.op, a } };
  }
}

/** X:BTCUSD → BTC-USD (the fake's own mapping: every test pair quotes in USD). */
function pairOf(ticker: string): string {
  return `${ticker.slice(2, -3)}-${ticker.slice(-3)}`;
}

function tradeEvent(cluster: FakeCluster, trade: FakeTrade): Addressed {
  if (cluster === 'crypto') {
    const pair = pairOf(trade.ticker);
    const body = { ev: 'XT', pair, p: trade.p, t: trade.t, s: trade.s, c: [trade.q % 2 === 0 ? 1 : 2], i: trade.i, x: trade.x, r: trade.t + 3 };
    return { channel: 'XT', symbol: pair, body };
  }
  const body: Record<string, unknown> = { ev: 'T', sym: trade.ticker, x: trade.x, i: trade.i, z: 3, p: trade.p, s: trade.s, t: trade.t, q: trade.q };
  if (trade.c.length > 0) body.c = trade.c;
  return { channel: 'T', symbol: trade.ticker, body };
}

function quoteEvent(cluster: FakeCluster, trade: FakeTrade): Addressed {
  const bp = Math.round((trade.p - 0.01) * 100) / 100;
  const ap = Math.round((trade.p + 0.01) * 100) / 100;
  if (cluster === 'crypto') {
    const pair = pairOf(trade.ticker);
    return { channel: 'XQ', symbol: pair, body: { ev: 'XQ', pair, bp, bs: 1.5, ap, as: 2.25, t: trade.t, x: trade.x, r: trade.t + 3 } };
  }
  const body = { ev: 'Q', sym: trade.ticker, bx: 11, bp, bs: 3, ax: 12, ap, as: 4, c: 0, t: trade.t, q: trade.q, z: 3 };
  return { channel: 'Q', symbol: trade.ticker, body };
}
