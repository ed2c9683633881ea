import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, type RawData } from 'ws';
import { AlpacaAccount, AlpacaClock, AlpacaErrorBody, AlpacaOrder, AlpacaPosition, TradeUpdate } from '../../src/main/node/adapters/alpaca/wire';
import { startFakeAlpaca, type FakeAlpaca, type FakeAlpacaOptions } from '../fakes/alpaca/fake-alpaca-server';
import { waitFor } from '../support/wait-for';

const KEY = { keyId: 'PKTEST1', secret: 'sekret-one' };
const AUTH = { 'APCA-API-KEY-ID': KEY.keyId, 'APCA-API-SECRET-KEY': KEY.secret };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function fake(options: FakeAlpacaOptions = {}): Promise<FakeAlpaca> {
  const f = await startFakeAlpaca({ keys: [KEY], ...options });
  cleanups.push(() => f.close());
  return f;
}

async function call(f: FakeAlpaca, method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
  const res = await fetch(`${f.tradingUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: res.status, headers: res.headers, text, json: isJson ? (JSON.parse(text) as unknown) : null };
}

/** A socket that keeps every frame (and whether it was binary). */
async function socket(url: string) {
  const ws = new WebSocket(url);
  const frames: { binary: boolean; json: unknown }[] = [];
  let closed = false;
  ws.on('message', (data: RawData, binary: boolean) => frames.push({ binary, json: JSON.parse(Buffer.from(data as Buffer).toString('utf8')) }));
  ws.on('close', () => (closed = true));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  cleanups.push(() => ws.terminate());
  return { ws, frames, send: (m: unknown) => ws.send(JSON.stringify(m)), closed: () => closed };
}

async function listeningStream(f: FakeAlpaca) {
  const s = await socket(f.streamUrl);
  s.send({ action: 'auth', key: KEY.keyId, secret: KEY.secret });
  s.send({ action: 'listen', data: { streams: ['trade_updates'] } });
  await waitFor(() => s.frames.length === 2, 'authorization and listening');
  const updates = () => s.frames.slice(2).map((f) => TradeUpdate.parse((f.json as { data: unknown }).data));
  return { ...s, updates };
}

const limitBuy = { symbol: 'AAPL', qty: '10', side: 'buy', type: 'limit', limit_price: '100', time_in_force: 'day', client_order_id: 'k-1' };

describe('fake Alpaca REST auth and rate limit', () => {
  it('answers 401 with Alpaca’s body to a missing or wrong key, and 200 with a parsable account to the right one', async () => {
    const f = await fake();
    const missing = await call(f, 'GET', '/v2/account', undefined, {});
    const wrong = await call(f, 'GET', '/v2/account', undefined, { ...AUTH, 'APCA-API-SECRET-KEY': 'nope' });
    const right = await call(f, 'GET', '/v2/account');
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(missing.json).toEqual({ code: 40110000, message: 'request is not authorized' });
    expect(right.status).toBe(200);
    const account = AlpacaAccount.parse(right.json);
    expect([account.cash, account.buying_power, account.equity]).toEqual(['100000', '100000', '100000']);
    expect(f.requests[2]!.headers['apca-api-secret-key']).toBe(KEY.secret);
  });

  it('counts down X-RateLimit-Remaining, refuses with 429 over the limit, and opens again after the minute', async () => {
    const f = await fake({ rateLimitPerMinute: 3 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(f, 'GET', '/v2/clock'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[3]!.headers.get('x-ratelimit-limit')).toBe('3');
    // Window opened at 13:30:00Z on the manual clock → resets at 13:31:00Z.
    expect(answers[3]!.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2024, 2, 15, 13, 31) / 1000));
    expect(AlpacaErrorBody.parse(answers[3]!.json).code).toBe(42910000);
    f.clock.advance(60_000);
    expect((await call(f, 'GET', '/v2/clock')).status).toBe(200);
    f.rateLimitStorm(1);
    expect((await call(f, 'GET', '/v2/clock')).status).toBe(429);
    expect((await call(f, 'GET', '/v2/clock')).status).toBe(200);
  });

  it('reports the market open at 09:30 New York with next_close at 16:00', async () => {
    const f = await fake({ timestampFormat: 'ny-nanos' });
    const clock = AlpacaClock.parse((await call(f, 'GET', '/v2/clock')).json);
    expect(clock.is_open).toBe(true);
    expect(clock.timestamp).toMatch(/^2024-03-15T09:30:00\.000\d{6}-04:00$/);
    expect(clock.next_close).toBe('2024-03-15T16:00:00-04:00');
    expect(clock.next_open).toBe('2024-03-18T09:30:00-04:00');
  });
});

describe('fake Alpaca order lifecycle over REST and the trade stream', () => {
  it('authorizes the stream only with the right secret, in binary frames', async () => {
    const f = await fake();
    const bad = await socket(f.streamUrl);
    bad.send({ action: 'auth', key: KEY.keyId, secret: 'wrong' });
    bad.send({ action: 'listen', data: { streams: ['trade_updates'] } });
    await waitFor(() => bad.frames.length === 2, 'two replies');
    expect(bad.frames.map((x) => x.json)).toEqual([
      { stream: 'authorization', data: { status: 'unauthorized', action: 'authenticate' } },
      { stream: 'authorization', data: { status: 'unauthorized', action: 'listen' } },
    ]);
    const good = await listeningStream(f);
    expect(good.frames.map((x) => x.json)).toEqual([
      { stream: 'authorization', data: { status: 'authorized', action: 'authenticate' } },
      { stream: 'listening', data: { streams: ['trade_updates'] } },
    ]);
    expect(good.frames.every((x) => x.binary)).toBe(true);
  });

  it('takes a limit order, fills it in two parts and books cash and position exactly', async () => {
    const f = await fake();
    const stream = await listeningStream(f);
    const submitted = await call(f, 'POST', '/v2/orders', limitBuy);
    expect(submitted.status).toBe(200);
    const order = AlpacaOrder.parse(submitted.json);
    expect([order.status, order.client_order_id, order.qty, order.filled_qty]).toEqual(['accepted', 'k-1', '10', '0']);
    await waitFor(() => stream.updates().length === 1, 'new');
    f.fill('k-1', '4', '99.5');
    f.fill(order.id, null, '99.75');
    await waitFor(() => stream.updates().length === 3, 'two fills');
    const [created, partial, full] = stream.updates();
    expect(created!.event).toBe('new');
    expect([partial!.event, partial!.qty, partial!.price, partial!.position_qty, partial!.order.status]).toEqual(['partial_fill', '4', '99.5', '4', 'partially_filled']);
    expect([full!.event, full!.qty, full!.position_qty, full!.order.filled_avg_price]).toEqual(['fill', '6', '10', '99.65']);
    expect(partial!.execution_id).not.toBe(full!.execution_id);
    // 4 × 99.5 + 6 × 99.75 = 996.50
    expect(AlpacaAccount.parse((await call(f, 'GET', '/v2/account')).json).cash).toBe('99003.5');
    const position = AlpacaPosition.parse((await call(f, 'GET', '/v2/positions/AAPL')).json);
    expect([position.qty, position.avg_entry_price, position.cost_basis, position.side]).toEqual(['10', '99.65', '996.5', 'long']);
    const again = await call(f, 'POST', '/v2/orders', limitBuy);
    expect([again.status, again.json]).toEqual([422, { code: 40010001, message: 'client_order_id must be unique' }]);
    const cancel = await call(f, 'DELETE', `/v2/orders/${order.id}`);
    expect([cancel.status, cancel.json]).toEqual([422, { code: 42210000, message: 'order is already in "filled" state' }]);
  });

  it('replaces an order with a new id and cancels it with a 204 and a stream update', async () => {
    const f = await fake({ timestampFormat: 'utc-trimmed' });
    const stream = await listeningStream(f);
    const old = AlpacaOrder.parse((await call(f, 'POST', '/v2/orders', limitBuy)).json);
    const patched = await call(f, 'PATCH', `/v2/orders/${old.id}`, { limit_price: '101', client_order_id: 'k-2' });
    const next = AlpacaOrder.parse(patched.json);
    expect([next.replaces, next.client_order_id, next.limit_price, next.qty]).toEqual([old.id, 'k-2', '101', '10']);
    expect(next.id).not.toBe(old.id);
    const before = AlpacaOrder.parse((await call(f, 'GET', `/v2/orders/${old.id}`)).json);
    expect([before.status, before.replaced_by]).toEqual(['replaced', next.id]);
    expect((await call(f, 'DELETE', `/v2/orders/${next.id}`)).status).toBe(204);
    await waitFor(() => stream.updates().some((u) => u.event === 'canceled'), 'canceled');
    expect(stream.updates().map((u) => `${u.event}:${u.order.client_order_id}`)).toEqual(['new:k-1', 'replaced:k-1', 'new:k-2', 'canceled:k-2']);
    const byClient = await call(f, 'GET', '/v2/orders:by_client_order_id?client_order_id=k-2');
    expect(AlpacaOrder.parse(byClient.json).status).toBe('canceled');
    expect(AlpacaOrder.parse(byClient.json).created_at).toBe('2024-03-15T13:30:00Z');
  });

  it('refuses an order that buying power cannot pay for, with the amounts', async () => {
    const f = await fake({ cash: '999.99' });
    const denied = await call(f, 'POST', '/v2/orders', limitBuy);
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({ buying_power: '999.99', cost_basis: '1000', code: 40310000, message: 'insufficient buying power' });
    expect(f.orders()).toEqual([]);
  });

  it('loses updates emitted while no socket listens', async () => {
    const f = await fake({ fillOnSubmit: '50' });
    const stream = await listeningStream(f);
    const order = AlpacaOrder.parse((await call(f, 'POST', '/v2/orders', { ...limitBuy, type: 'market', limit_price: undefined })).json);
    await waitFor(() => stream.updates().length === 2, 'new and fill');
    expect(stream.updates()[1]!.order.filled_avg_price).toBe('50');
    f.dropStreams();
    await waitFor(() => stream.closed(), 'the drop');
    const sold = AlpacaOrder.parse((await call(f, 'DELETE', '/v2/positions/AAPL')).json);
    expect([sold.side, sold.qty, sold.type]).toEqual(['sell', '10', 'market']);
    await waitFor(() => f.tradeLog.length === 4, 'the close to fill');
    expect(f.tradeLog.map((e) => `${e.data.event}:${e.data.order.id === order.id ? 'buy' : 'close'}:${e.delivered}`)).toEqual([
      'new:buy:1',
      'fill:buy:1',
      'new:close:0',
      'fill:close:0',
    ]);
    expect(AlpacaAccount.parse((await call(f, 'GET', '/v2/account')).json).cash).toBe('100000');
  });

  it('creates the order but never answers a stalled submit', async () => {
    const f = await fake();
    f.stallNext('submit');
    const aborted = fetch(`${f.tradingUrl}/v2/orders`, { method: 'POST', headers: AUTH, body: JSON.stringify(limitBuy), signal: AbortSignal.timeout(200) });
    await expect(aborted).rejects.toThrow();
    expect(f.orders().map((o) => o.client_order_id)).toEqual(['k-1']);
    f.failNext('/v2/account', { status: 503 });
    const failed = await call(f, 'GET', '/v2/account');
    expect([failed.status, failed.headers.get('content-type'), failed.text.includes('503')]).toEqual([503, 'text/html', true]);
  });
});

describe('fake Alpaca bracket orders', () => {
  it('holds the exits until the entry fills, then cancels the stop when the take-profit fills', async () => {
    const f = await fake({ timestampFormat: 'ny-nanos' });
    const bracket = { ...limitBuy, order_class: 'bracket', take_profit: { limit_price: '110' }, stop_loss: { stop_price: '95', limit_price: '94.5' } };
    const parent = AlpacaOrder.parse((await call(f, 'POST', '/v2/orders', bracket)).json);
    expect(parent.created_at).toMatch(/^2024-03-15T09:30:00\.000\d{6}-04:00$/);
    expect(parent.legs!.map((l) => [l.side, l.type, l.limit_price, l.stop_price, l.status])).toEqual([
      ['sell', 'limit', '110', null, 'held'],
      ['sell', 'stop_limit', '94.5', '95', 'held'],
    ]);
    await waitFor(() => f.tradeLog.length === 1, 'new');
    f.fill(parent.id, null, '100');
    f.fill(parent.legs![0]!.id, null, '110');
    const nested = (await call(f, 'GET', '/v2/orders?status=all&nested=true')).json as unknown[];
    expect(nested).toHaveLength(1);
    expect(AlpacaOrder.parse(nested[0]).legs!.map((l) => l.status)).toEqual(['filled', 'canceled']);
    expect(f.tradeLog.map((e) => e.data.event)).toEqual(['new', 'fill', 'new', 'new', 'fill', 'canceled']);
    expect(f.cash()).toBe('100100');
    const flat = (await call(f, 'GET', '/v2/orders?status=closed')).json as unknown[];
    expect(flat).toHaveLength(3);
  });

  it('rejects a bracket whose take-profit sits below its stop, and a cancel-all answers 207', async () => {
    const f = await fake();
    const bad = await call(f, 'POST', '/v2/orders', { ...limitBuy, order_class: 'bracket', take_profit: { limit_price: '90' }, stop_loss: { stop_price: '95' } });
    expect([bad.status, AlpacaErrorBody.parse(bad.json).code]).toEqual([422, 40010001]);
    const sub = await call(f, 'POST', '/v2/orders', { ...limitBuy, limit_price: '100.001' });
    expect(sub.json).toEqual({ code: 42210000, message: 'invalid limit_price 100.001. sub-penny increment does not fulfill minimum pricing criteria' });
    const a = AlpacaOrder.parse((await call(f, 'POST', '/v2/orders', limitBuy)).json);
    const all = await call(f, 'DELETE', '/v2/orders');
    expect(all.status).toBe(207);
    expect(all.json).toEqual([{ id: a.id, status: 200, body: expect.objectContaining({ id: a.id }) }]);
  });
});

describe('fake Alpaca market data stream', () => {
  it('authenticates, refuses a second connection with 406, and streams subscribed trades', async () => {
    const f = await fake();
    const first = await socket(`${f.dataStreamUrl}/v2/iex`);
    first.send({ action: 'auth', key: KEY.keyId, secret: 'bad' });
    await waitFor(() => first.closed(), 'the failed auth to close');
    expect(first.frames.map((x) => x.json)).toEqual([[{ T: 'success', msg: 'connected' }], [{ T: 'error', code: 402, msg: 'auth failed' }]]);
    const s = await socket(`${f.dataStreamUrl}/v2/iex`);
    s.send({ action: 'auth', key: KEY.keyId, secret: KEY.secret });
    await waitFor(() => s.frames.length === 2, 'authenticated');
    const second = await socket(`${f.dataStreamUrl}/v2/iex`);
    second.send({ action: 'auth', key: KEY.keyId, secret: KEY.secret });
    await waitFor(() => second.closed(), 'the second connection to close');
    expect(second.frames[1]!.json).toEqual([{ T: 'error', code: 406, msg: 'connection limit exceeded' }]);
    s.send({ action: 'subscribe', trades: ['AAPL'], quotes: ['MSFT'], bars: ['*'] });
    await waitFor(() => s.frames.length === 3, 'subscription');
    expect(s.frames[2]!.json).toEqual([
      { T: 'subscription', trades: ['AAPL'], quotes: ['MSFT'], bars: ['*'], updatedBars: [], dailyBars: [], statuses: [], lulds: [], corrections: ['AAPL'], cancelErrors: ['AAPL'] },
    ]);
    f.publishTrade([
      { S: 'AAPL', p: 170.25, s: 100, t: Date.UTC(2024, 2, 15, 13, 30, 1, 5), i: 7 },
      { S: 'TSLA', p: 1, s: 1 },
    ]);
    await waitFor(() => s.frames.length === 4, 'the trade');
    expect(s.frames[3]!.json).toEqual([{ T: 't', S: 'AAPL', i: 7, x: 'V', p: 170.25, s: 100, c: ['@'], t: expect.stringMatching(/^2024-03-15T13:30:01\.005\d{6}Z$/), z: 'C' }]);
    expect(s.frames.every((x) => !x.binary)).toBe(true);
  });
});
