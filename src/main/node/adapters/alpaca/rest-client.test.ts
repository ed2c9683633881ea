import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../../../test/support/recording-logger';
import type { AlpacaEndpointGroup, CircuitState } from './circuit-breaker';
import {
  AlpacaApiError,
  AlpacaCircuitOpenError,
  AlpacaNetworkError,
  AlpacaRateLimitedError,
  AlpacaTimeoutError,
  outcomeUnknown,
} from './errors';
import { AlpacaRestClient, type AlpacaRestOptions } from './rest-client';
import type { AlpacaOrderRequest } from './wire';

const KEY_ID = 'PKTEST1234567890ABCD';
const SECRET = 'sEcReT-do-not-leak-0123456789';
const START = 1_700_000_000_000;

interface Seen {
  method: string;
  url: string;
  keyId: string | undefined;
  secret: string | undefined;
  body: string;
  /** The simulated clock when the request arrived. */
  at: number;
}
type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'stall';

const account = { id: 'acc-1', status: 'ACTIVE', currency: 'USD', cash: '122086.5', equity: '123346.11', buying_power: '245432.61' };
const order = (extra: Record<string, unknown> = {}) => ({
  id: '61e69015-8549-4bfd-b9c3-01e75843f47d',
  client_order_id: 'k-0001',
  created_at: '2021-03-16T18:38:01.942282Z',
  symbol: 'AAPL',
  qty: '10',
  filled_qty: '0',
  type: 'limit',
  side: 'buy',
  time_in_force: 'day',
  limit_price: '187.42',
  status: 'new',
  legs: null,
  ...extra,
});
const submit: AlpacaOrderRequest = { symbol: 'AAPL', qty: '10', side: 'buy', type: 'limit', time_in_force: 'day', limit_price: '187.42', client_order_id: 'k-0001' };

let server: Server | null = null;

afterEach(async () => {
  const running = server;
  server = null;
  if (!running) return;
  running.closeAllConnections();
  await new Promise<void>((resolve) => running.close(() => resolve()));
});

/** A real HTTP server on 127.0.0.1 answering with `replies` in turn (the last one repeats). */
async function alpaca(replies: Reply[], clientOptions: Partial<AlpacaRestOptions> = {}) {
  let now = START;
  const seen: Seen[] = [];
  const slept: number[] = [];
  const health: [AlpacaEndpointGroup, CircuitState][] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const header = (name: string) => req.headers[name] as string | undefined;
      seen.push({ method: req.method ?? '', url: req.url ?? '', keyId: header('apca-api-key-id'), secret: header('apca-api-secret-key'), body, at: now });
      const reply = replies[Math.min(seen.length, replies.length) - 1] ?? { status: 500 };
      if (reply === 'stall') return;
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const logger = recordingLogger();
  const client = new AlpacaRestClient({
    baseUrl: `http://127.0.0.1:${port}/`,
    keyId: KEY_ID,
    secret: SECRET,
    clock: { now: () => now },
    sleep: (ms) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    random: { next: () => 0.5 },
    logger,
    onHealth: (group, state) => health.push([group, state]),
    ...clientOptions,
  });
  return { client, seen, slept, health, logger, now: () => now, advance: (ms: number) => (now += ms) };
}

const fail = <T>(promise: Promise<T>) => promise.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
const rateHeaders = (remaining: number, resetSeconds: number) => ({ 'X-RateLimit-Limit': '200', 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(resetSeconds) });

describe('AlpacaRestClient', () => {
  it('sends the key pair as headers and reads the account', async () => {
    const t = await alpaca([{ status: 200, body: account }]);
    const result = await t.client.account();
    expect(result.cash).toBe('122086.5');
    expect(t.seen).toMatchObject([{ method: 'GET', url: '/v2/account', keyId: KEY_ID, secret: SECRET }]);
  });

  it('retries a GET on 503 with jittered backoff until it succeeds', async () => {
    const t = await alpaca([{ status: 503, body: 'upstream down' }, { status: 503 }, { status: 200, body: [] }]);
    await expect(t.client.positions()).resolves.toEqual([]);
    expect(t.seen).toHaveLength(3);
    // Full jitter at 0.5 of a 250 ms, then 500 ms ceiling.
    expect(t.slept).toEqual([125, 250]);
  });

  it('gives up on a GET after three tries with the 5xx as the error', async () => {
    const t = await alpaca([{ status: 502, body: { message: 'bad gateway' } }]);
    const error = await fail(t.client.positions());
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ status: 502, kind: 'server', group: 'positions', retryable: true });
    expect(t.seen).toHaveLength(3);
  });

  it('never retries a submit: one 503 reaches the server and the outcome is reported unknown', async () => {
    const t = await alpaca([{ status: 503 }, { status: 200, body: order() }]);
    const error = await fail(t.client.submitOrder(submit));
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect((error as AlpacaApiError).status).toBe(503);
    expect(outcomeUnknown(error)).toBe(true);
    expect(t.seen).toHaveLength(1);
    expect(t.seen[0]).toMatchObject({ method: 'POST', url: '/v2/orders' });
    expect(JSON.parse(t.seen[0]!.body)).toEqual(submit);
  });

  it('times out a stalled submit after one request', async () => {
    const t = await alpaca(['stall'], { timeoutMs: 150 });
    const error = await fail(t.client.submitOrder(submit));
    expect(error).toBeInstanceOf(AlpacaTimeoutError);
    expect((error as AlpacaTimeoutError).message).toBe('Alpaca did not answer POST /v2/orders within 150 ms');
    expect(outcomeUnknown(error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.seen).toHaveLength(1);
  });

  it('holds the retry of a GET after a 429 until the window resets', async () => {
    const reset = START / 1000 + 30;
    const t = await alpaca([{ status: 429, body: { message: 'rate limit exceeded' }, headers: rateHeaders(0, reset) }, { status: 200, body: account }]);
    await expect(t.client.account()).resolves.toMatchObject({ id: 'acc-1' });
    expect(t.seen.map((s) => s.at)).toEqual([START, reset * 1000]);
    expect(t.slept).toEqual([30_000]);
  });

  it('reports a 429 on a submit without retrying, and makes the next request wait for the reset', async () => {
    const reset = START / 1000 + 20;
    const t = await alpaca([{ status: 429, body: { code: 42910000, message: 'rate limit exceeded' }, headers: rateHeaders(0, reset) }, { status: 200, body: account }]);
    const error = await fail(t.client.submitOrder(submit));
    expect(error).toBeInstanceOf(AlpacaRateLimitedError);
    expect(error).toMatchObject({ status: 429, code: 42910000, resetAtMs: reset * 1000, group: 'orders' });
    expect(outcomeUnknown(error)).toBe(false);
    expect(t.seen).toHaveLength(1);

    await t.client.account();
    expect(t.seen[1]!.at).toBe(reset * 1000);
  });

  it.each([
    [401, 40110000, 'request is not authorized', 'auth', 'Alpaca rejected the API key (401) on GET /v2/account: request is not authorized'],
    [403, 40310000, 'insufficient buying power', 'forbidden', 'Alpaca refused the request (403) on GET /v2/account: insufficient buying power'],
    [422, 40010001, 'qty must be > 0', 'unprocessable', 'Alpaca found the request invalid (422) on GET /v2/account: qty must be > 0'],
  ])('turns a %i body into an AlpacaApiError with its code and message, without retrying', async (status, code, message, kind, text) => {
    const t = await alpaca([{ status, body: { code, message } }]);
    const error = await fail(t.client.account());
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ status, code, detail: message, kind, retryable: false, message: text });
    expect(outcomeUnknown(error)).toBe(false);
    expect(t.seen).toHaveLength(1);
  });

  it('opens the circuit of a group after repeated 5xx, refuses at once, and probes after the cool-down', async () => {
    const t = await alpaca([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 200, body: [] }, { status: 200, body: account }], {
      failureThreshold: 3,
      coolDownMs: 5_000,
    });
    await expect(t.client.account()).rejects.toBeInstanceOf(AlpacaApiError);
    expect(t.seen).toHaveLength(3);
    expect(t.client.health()).toEqual({ account: 'open', orders: 'closed', positions: 'closed', market: 'closed' });
    expect(t.client.degraded).toBe(true);

    const refused = await fail(t.client.account());
    expect(refused).toBeInstanceOf(AlpacaCircuitOpenError);
    expect(t.seen).toHaveLength(3);
    // Other groups are not affected.
    await expect(t.client.positions()).resolves.toEqual([]);

    t.advance(5_000);
    await expect(t.client.account()).resolves.toMatchObject({ id: 'acc-1' });
    expect(t.health).toEqual([
      ['account', 'open'],
      ['account', 'half-open'],
      ['account', 'closed'],
    ]);
    expect(t.client.degraded).toBe(false);
  });

  it('answers null for Alpaca 404s on lookups by client order id, by id and for assets', async () => {
    const notFound = { status: 404, body: { code: 40410000, message: 'order not found' } };
    const t = await alpaca([notFound]);
    await expect(t.client.orderByClientOrderId('k 1/2')).resolves.toBeNull();
    await expect(t.client.getOrder('abc')).resolves.toBeNull();
    await expect(t.client.asset('BTC/USD')).resolves.toBeNull();
    expect(t.seen.map((s) => s.url)).toEqual(['/v2/orders:by_client_order_id?client_order_id=k+1%2F2', '/v2/orders/abc?nested=true', '/v2/assets/BTC%2FUSD']);
  });

  it('does not read a bare 404 (a wrong base URL) as "no such order"', async () => {
    const t = await alpaca([{ status: 404, body: '404 page not found', headers: { 'content-type': 'text/plain' } }]);
    const error = await fail(t.client.orderByClientOrderId('k-0001'));
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ kind: 'not-found', message: 'Alpaca found nothing (404) on GET /v2/orders:by_client_order_id: 404 page not found' });
  });

  it('lists orders nested, with legs inside their parent', async () => {
    const bracket = order({ order_class: 'bracket', legs: [order({ id: 'leg-1', client_order_id: 'k-0001-tp', status: 'held' })] });
    const t = await alpaca([{ status: 200, body: [bracket] }]);
    const orders = await t.client.listOrders({ status: 'open', limit: 500, after: '2024-03-15T13:30:00Z' });
    expect(orders[0]?.legs?.[0]?.id).toBe('leg-1');
    const url = new URL(t.seen[0]!.url, 'http://x');
    expect(url.pathname).toBe('/v2/orders');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'open', nested: 'true', limit: '500', after: '2024-03-15T13:30:00Z' });
  });

  it('cancels one order (204), retrying the idempotent DELETE on a 5xx', async () => {
    const t = await alpaca([{ status: 503 }, { status: 204 }]);
    await expect(t.client.cancelOrder('abc')).resolves.toBeUndefined();
    expect(t.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['DELETE /v2/orders/abc', 'DELETE /v2/orders/abc']);
  });

  it('cancels all orders from a 207 answer, once', async () => {
    const t = await alpaca([{ status: 207, body: [{ id: 'a', status: 200, body: order() }, { id: 'b', status: 500 }] }]);
    await expect(t.client.cancelAllOrders()).resolves.toEqual([
      { id: 'a', status: 200 },
      { id: 'b', status: 500 },
    ]);
    expect(t.seen).toMatchObject([{ method: 'DELETE', url: '/v2/orders' }]);
  });

  it('replaces with PATCH and closes a position with DELETE, each sent once', async () => {
    const t = await alpaca([{ status: 200, body: order({ id: 'new-id', replaces: 'abc' }) }, { status: 200, body: order({ symbol: 'BTC/USD', side: 'sell' }) }]);
    await expect(t.client.replaceOrder('abc', { limit_price: '187.50' })).resolves.toMatchObject({ id: 'new-id', replaces: 'abc' });
    await expect(t.client.closePosition('BTC/USD')).resolves.toMatchObject({ side: 'sell' });
    expect(t.seen.map((s) => `${s.method} ${s.url} ${s.body}`)).toEqual(['PATCH /v2/orders/abc {"limit_price":"187.50"}', 'DELETE /v2/positions/BTC%2FUSD ']);
  });

  it('turns a body that breaks the wire schema into a clear error, not a crash', async () => {
    const t = await alpaca([{ status: 200, body: { ...account, cash: 122086.5 } }]);
    const error = await fail(t.client.account());
    expect(error).toBeInstanceOf(AlpacaApiError);
    expect(error).toMatchObject({ kind: 'malformed', status: 200 });
    expect((error as Error).message).toBe('Alpaca sent an unexpected body for GET /v2/account: cash: Invalid input: expected string, received number');
    expect(t.seen).toHaveLength(1);
  });

  it('reads the clock and the calendar from the market group', async () => {
    const clock = { timestamp: '2024-03-15T09:30:00.123456789-04:00', is_open: true, next_open: '2024-03-18T09:30:00-04:00', next_close: '2024-03-15T16:00:00-04:00' };
    const t = await alpaca([{ status: 200, body: clock }, { status: 200, body: [{ date: '2024-03-15', open: '09:30', close: '16:00' }] }]);
    await expect(t.client.clock()).resolves.toMatchObject({ is_open: true });
    await expect(t.client.calendar({ start: '2024-03-15', end: '2024-03-15' })).resolves.toHaveLength(1);
    expect(t.seen[1]!.url).toBe('/v2/calendar?start=2024-03-15&end=2024-03-15');
  });

  it('reports an unreachable server as a network error after retrying the GET', async () => {
    const t = await alpaca([{ status: 200 }]);
    const { port } = server!.address() as AddressInfo;
    server!.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    const client = new AlpacaRestClient({ baseUrl: `http://127.0.0.1:${port}`, keyId: KEY_ID, secret: SECRET, sleep: () => Promise.resolve() });
    const error = await fail(client.account());
    expect(error).toBeInstanceOf(AlpacaNetworkError);
    expect((error as Error).message).toMatch(/^Alpaca is unreachable \(GET \/v2\/account\)/);
    expect(t.seen).toHaveLength(0);
  });

  it('never puts the key or the secret in errors or logs', async () => {
    const t = await alpaca([{ status: 403, body: { code: 40310000, message: `key ${KEY_ID} with ${SECRET} is forbidden` } }, { status: 500 }]);
    const error = await fail(t.client.account());
    await fail(t.client.positions());
    const text = `${(error as Error).message} ${JSON.stringify(error)} ${JSON.stringify(t.logger.entries)}`;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY_ID);
    expect(t.logger.entries.some((entry) => entry.fields?.keyId === 'PKTE…CD')).toBe(true);
  });
});
