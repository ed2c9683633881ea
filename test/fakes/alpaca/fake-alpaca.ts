import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AlpacaOrder, AlpacaPosition } from '../../../src/main/node/adapters/alpaca/wire';
import type { DataFeed, DataStream } from './data-stream';
import type { Executions } from './executions';
import type { FailOptions, FaultTarget, Faults, RateLimiter, StallOptions } from './faults';
import type { Ledger } from './ledger';
import { barPoint, quotePoint, tradePoint, type FakeBar, type FakeQuote, type FakeTrade } from './market-points';
import type { OrderBook, TradeUpdateData } from './order-book';
import type { RecordedRequest } from './rest-http';
import type { StampWriter, TimestampFormat } from './timestamps';
import type { TradeLogEntry, TradeStream } from './trade-stream';

export interface FakeClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

interface Parts {
  port: number;
  server: Server;
  tcp: Set<Socket>;
  stalled: Set<ServerResponse>;
  clock: FakeClock;
  stamps: StampWriter;
  book: OrderBook;
  executions: Executions;
  ledger: Ledger;
  trade: TradeStream;
  data: DataStream;
  faults: Faults;
  limiter: RateLimiter;
  requests: RecordedRequest[];
}

const many = <T>(x: T | readonly T[]): readonly T[] => (Array.isArray(x) ? (x as readonly T[]) : [x as T]);

/** The running fake and its script API. Order refs are an order id or a client order id. */
export class FakeAlpaca {
  readonly tradingUrl: string;
  readonly streamUrl: string;
  /** Data stream base: feeds at `${dataStreamUrl}/v2/iex` and `/v2/sip`. */
  readonly dataStreamUrl: string;
  readonly clock: FakeClock;
  /** Every REST request, in arrival order, headers and body as sent. */
  readonly requests: RecordedRequest[];

  constructor(private readonly p: Parts) {
    this.tradingUrl = `http://127.0.0.1:${p.port}`;
    this.streamUrl = `ws://127.0.0.1:${p.port}/stream`;
    this.dataStreamUrl = `ws://127.0.0.1:${p.port}`;
    this.clock = p.clock;
    this.requests = p.requests;
  }

  // --- orders and account ---------------------------------------------------------------
  /** All orders (legs listed on their own), oldest first, as GET /v2/orders/{id} shows them. */
  orders(): AlpacaOrder[] {
    return this.p.book.list(() => true).reverse().map((o) => this.p.book.wire(o));
  }
  order(ref: string): AlpacaOrder | undefined {
    const o = this.p.book.find(ref);
    return o && this.p.book.wire(o);
  }
  positions(): AlpacaPosition[] {
    return this.p.ledger.symbols().map((s) => this.p.ledger.position(s, this.p.book.heldForSells(s)));
  }
  cash(): string {
    return this.p.ledger.cash.toFixed();
  }
  setPrice(symbol: string, price: string): void {
    this.p.ledger.setPrice(symbol, price);
  }
  /** Executes `qty` ("all that is left" when null) at `price`: partial_fill or fill on the stream. */
  fill(ref: string, qty: string | null, price: string): TradeUpdateData {
    return this.p.executions.fill(ref, qty, price);
  }
  reject(ref: string, reason?: string): TradeUpdateData {
    return this.p.executions.reject(ref, reason);
  }
  expire(ref: string): TradeUpdateData {
    return this.p.executions.expire(ref);
  }
  /** With cancelMode 'manual': finishes a requested cancel (the `canceled` update). */
  completeCancel(ref: string): void {
    this.p.executions.completeCancel(ref);
  }
  /** Sends any other event (done_for_day, pending_new, order_cancel_rejected …) for an order as it stands. */
  sendEvent(ref: string, event: string, extra: Record<string, unknown> = {}): TradeUpdateData {
    return this.p.book.event(this.p.book.get(ref), event, extra);
  }
  setFillOnSubmit(rule: string | Record<string, string> | null): void {
    this.p.book.fillOnSubmit = rule;
  }
  setCancelMode(mode: 'immediate' | 'manual'): void {
    this.p.executions.cancelMode = mode;
  }
  setTimestampFormat(format: TimestampFormat): void {
    this.p.stamps.format = format;
  }
  setRateLimit(perMinute: number): void {
    this.p.limiter.limit = perMinute;
  }

  // --- REST faults --------------------------------------------------------------------------
  failNext(target: FaultTarget, options: FailOptions): void {
    this.p.faults.failNext(target, options);
  }
  /** The request IS processed (an order is created); the answer comes after delayMs, or never. */
  stallNext(target: FaultTarget, options: StallOptions = {}): void {
    this.p.faults.stallNext(target, options);
  }
  /** The next `n` requests get 429 whatever the budget. */
  rateLimitStorm(n: number): void {
    this.p.faults.storm = n;
  }
  clearFaults(): void {
    this.p.faults.clear();
  }

  // --- trade_updates ------------------------------------------------------------------------
  /** Every update emitted, with how many sockets got it (0 = lost). */
  get tradeLog(): readonly TradeLogEntry[] {
    return this.p.trade.log;
  }
  /** Raw client messages on /stream (auth included). */
  get streamReceived(): readonly string[] {
    return this.p.trade.received;
  }
  get streamConnections(): number {
    return this.p.trade.connections;
  }
  streamListeners(): number {
    return this.p.trade.listeners();
  }
  dropStreams(): number {
    return this.p.trade.drop();
  }
  refuseStreams(on: boolean): void {
    this.p.trade.refusing = on;
  }
  streamError(message: string): void {
    this.p.trade.error(message);
  }
  setTradeFrames(frames: 'binary' | 'text'): void {
    this.p.trade.frames = frames;
  }

  // --- market data --------------------------------------------------------------------------
  publishTrade(x: FakeTrade | readonly FakeTrade[], feed?: DataFeed): number {
    return this.p.data.publish('trades', many(x).map((t) => tradePoint(t, this.clock.now())), feed);
  }
  publishQuote(x: FakeQuote | readonly FakeQuote[], feed?: DataFeed): number {
    return this.p.data.publish('quotes', many(x).map((q) => quotePoint(q, this.clock.now())), feed);
  }
  publishBar(x: FakeBar | readonly FakeBar[], feed?: DataFeed): number {
    return this.p.data.publish('bars', many(x).map((b) => barPoint(b, this.clock.now())), feed);
  }
  publishRaw(text: string, feed?: DataFeed): void {
    this.p.data.publishRaw(text, feed);
  }
  get dataReceived(): readonly string[] {
    return this.p.data.received;
  }
  get dataConnections(): number {
    return this.p.data.connections;
  }
  dropDataStreams(): number {
    return this.p.data.drop();
  }
  refuseDataStreams(on: boolean): void {
    this.p.data.refusing = on;
  }

  async close(): Promise<void> {
    this.p.trade.close();
    this.p.data.close();
    for (const res of this.p.stalled) res.destroy();
    for (const socket of this.p.tcp) socket.destroy();
    await new Promise<void>((resolve) => this.p.server.close(() => resolve()));
  }
}
