import { z } from 'zod';
import type { Clock } from '../../../core/ports/clock';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { BackoffPolicy } from '../backoff';
import type { AlpacaEndpointGroup, CircuitState } from './circuit-breaker';
import { maskKeyId } from './config';
import { AlpacaTransport, type AlpacaAnswer, type AlpacaRequest } from './rest-transport';
import type { AlpacaTradingApi } from './trading-api';
import {
  AlpacaAccount,
  AlpacaAsset,
  AlpacaCalendarDay,
  AlpacaCancelStatus,
  AlpacaClock,
  AlpacaFillActivity,
  AlpacaOrder,
  AlpacaPosition,
  type AlpacaOrderRequest,
  type AlpacaReplaceRequest,
} from './wire';

export interface AlpacaRestOptions {
  /** Trading API base, e.g. https://paper-api.alpaca.markets (see alpacaConfigFrom). */
  baseUrl: string;
  keyId: string;
  secret: string;
  /** Per request, body included. */
  timeoutMs?: number;
  /** Tries for a request that is safe to repeat, the first included. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Longest a request waits for the rate limit before it is refused unsent. */
  maxRateWaitMs?: number;
  /** Consecutive failures (network, timeout, 5xx) that open a group's circuit. */
  failureThreshold?: number;
  coolDownMs?: number;
  fetch?: typeof fetch;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  logger?: Logger;
  /** Called when a group's circuit changes state: the broker status shows 'degraded'. */
  onHealth?: (group: AlpacaEndpointGroup, state: CircuitState) => void;
}

export const ALPACA_REST_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 3,
  backoff: { baseMs: 250, capMs: 2_000 } satisfies BackoffPolicy,
  /** A full window and a little: a 429 never makes a call wait longer than Alpaca's minute. */
  maxRateWaitMs: 61_000,
} as const;

const OrderList = z.array(AlpacaOrder);
const PositionList = z.array(AlpacaPosition);
const FillActivityList = z.array(AlpacaFillActivity);
/** Alpaca's largest activities page; a shorter page is the last one. */
const ACTIVITY_PAGE = 100;
/** Enough for any reconciliation window; beyond it the implied-price fallback takes over. */
const MAX_ACTIVITY_PAGES = 50;
const CalendarDays = z.array(AlpacaCalendarDay);
const CancelStatuses = z.array(AlpacaCancelStatus);

const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silentLogger };
const realClock: Clock = { now: () => Date.now() };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const realRandom: RandomSource = { next: () => Math.random() };

/**
 * Alpaca's Trading API v2 over HTTPS. Reads retry on network errors, timeouts, 5xx and 429;
 * a single-order cancel does too (Alpaca treats it as idempotent). Submit, replace, cancel-all
 * and close-position go out once: after an unknown outcome the broker looks the order up by
 * its client order id instead. Every body is checked against the wire schemas.
 */
export class AlpacaRestClient implements AlpacaTradingApi {
  private readonly transport: AlpacaTransport;

  constructor(options: AlpacaRestOptions) {
    const logger = (options.logger ?? silentLogger).child('alpaca-rest');
    this.transport = new AlpacaTransport({
      baseUrl: options.baseUrl,
      keyId: options.keyId,
      secret: options.secret,
      timeoutMs: options.timeoutMs ?? ALPACA_REST_DEFAULTS.timeoutMs,
      maxAttempts: options.maxAttempts ?? ALPACA_REST_DEFAULTS.maxAttempts,
      backoff: options.backoff ?? ALPACA_REST_DEFAULTS.backoff,
      maxRateWaitMs: options.maxRateWaitMs ?? ALPACA_REST_DEFAULTS.maxRateWaitMs,
      failureThreshold: options.failureThreshold,
      coolDownMs: options.coolDownMs,
      fetch: options.fetch ?? fetch,
      clock: options.clock ?? realClock,
      sleep: options.sleep ?? realSleep,
      random: options.random ?? realRandom,
      logger,
      onHealth: options.onHealth,
    });
    logger.debug('Alpaca REST client ready', { baseUrl: options.baseUrl, keyId: maskKeyId(options.keyId) });
  }

  /** Each endpoint group's circuit state. */
  health(): Record<AlpacaEndpointGroup, CircuitState> {
    return this.transport.health();
  }

  /** True while any group's circuit is not closed. */
  get degraded(): boolean {
    return Object.values(this.health()).some((state) => state !== 'closed');
  }

  account(): Promise<AlpacaAccount> {
    return this.one({ method: 'GET', path: '/v2/account', group: 'account', idempotent: true }, AlpacaAccount);
  }

  clock(): Promise<AlpacaClock> {
    return this.one({ method: 'GET', path: '/v2/clock', group: 'market', idempotent: true }, AlpacaClock);
  }

  calendar(range: { start: string; end: string }): Promise<AlpacaCalendarDay[]> {
    return this.one({ method: 'GET', path: '/v2/calendar', query: { start: range.start, end: range.end }, group: 'market', idempotent: true }, CalendarDays);
  }

  asset(symbol: string): Promise<AlpacaAsset | null> {
    return this.oneOrNull({ method: 'GET', path: `/v2/assets/${segment(symbol)}`, group: 'market', idempotent: true }, AlpacaAsset);
  }

  positions(): Promise<AlpacaPosition[]> {
    return this.one({ method: 'GET', path: '/v2/positions', group: 'positions', idempotent: true }, PositionList);
  }

  listOrders(query: { status: 'open' | 'closed' | 'all'; after?: string; limit?: number }): Promise<AlpacaOrder[]> {
    const params = { status: query.status, nested: true, after: query.after, limit: query.limit };
    return this.one({ method: 'GET', path: '/v2/orders', query: params, group: 'orders', idempotent: true }, OrderList);
  }

  async fillActivities(after: string): Promise<AlpacaFillActivity[]> {
    const all: AlpacaFillActivity[] = [];
    let token: string | undefined;
    for (let page = 0; page < MAX_ACTIVITY_PAGES; page += 1) {
      const query = { after, direction: 'asc', page_size: ACTIVITY_PAGE, page_token: token };
      const list = await this.one({ method: 'GET', path: '/v2/account/activities/FILL', query, group: 'account', idempotent: true }, FillActivityList);
      all.push(...list);
      if (list.length < ACTIVITY_PAGE) return all;
      token = list.at(-1)?.id;
    }
    throw new Error('Too many fill activities to page through; narrow the window');
  }

  getOrder(id: string): Promise<AlpacaOrder | null> {
    return this.oneOrNull({ method: 'GET', path: `/v2/orders/${segment(id)}`, query: { nested: true }, group: 'orders', idempotent: true }, AlpacaOrder);
  }

  orderByClientOrderId(clientOrderId: string): Promise<AlpacaOrder | null> {
    const request: AlpacaRequest = { method: 'GET', path: '/v2/orders:by_client_order_id', query: { client_order_id: clientOrderId }, group: 'orders', idempotent: true };
    return this.oneOrNull(request, AlpacaOrder);
  }

  submitOrder(request: AlpacaOrderRequest): Promise<AlpacaOrder> {
    return this.one({ method: 'POST', path: '/v2/orders', body: request, group: 'orders', idempotent: false }, AlpacaOrder);
  }

  replaceOrder(id: string, request: AlpacaReplaceRequest): Promise<AlpacaOrder> {
    return this.one({ method: 'PATCH', path: `/v2/orders/${segment(id)}`, body: request, group: 'orders', idempotent: false }, AlpacaOrder);
  }

  async cancelOrder(id: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', path: `/v2/orders/${segment(id)}`, group: 'orders', idempotent: true });
  }

  async cancelAllOrders(): Promise<{ id: string; status: number }[]> {
    const request: AlpacaRequest = { method: 'DELETE', path: '/v2/orders', group: 'orders', idempotent: false };
    const answer = await this.transport.send(request);
    // No open orders may come back as an empty body.
    if (!answer || answer.body === undefined) return [];
    return this.parse(CancelStatuses, answer, request).map(({ id, status }) => ({ id, status }));
  }

  closePosition(symbol: string): Promise<AlpacaOrder> {
    return this.one({ method: 'DELETE', path: `/v2/positions/${segment(symbol)}`, group: 'positions', idempotent: false }, AlpacaOrder);
  }

  private async one<S extends z.ZodType>(request: AlpacaRequest, schema: S): Promise<z.output<S>> {
    const answer = await this.transport.send(request);
    if (!answer) throw this.transport.malformed(request, 404, 'no answer');
    return this.parse(schema, answer, request);
  }

  private async oneOrNull<S extends z.ZodType>(request: AlpacaRequest, schema: S): Promise<z.output<S> | null> {
    const answer = await this.transport.send({ ...request, nullOn404: true });
    return answer ? this.parse(schema, answer, request) : null;
  }

  private parse<S extends z.ZodType>(schema: S, answer: AlpacaAnswer, request: AlpacaRequest): z.output<S> {
    const result = schema.safeParse(answer.body);
    if (result.success) return result.data;
    const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    throw this.transport.malformed(request, answer.status, 'an unexpected body', issues.join('; '));
  }
}

/** One path segment: symbols like BTC/USD and any id are encoded, never interpreted as paths. */
function segment(value: string): string {
  return encodeURIComponent(value);
}
