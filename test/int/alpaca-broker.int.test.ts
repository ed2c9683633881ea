import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderDto, PlaceOrderInput } from '@shared/dto/trading';
import type { BrokerStatus, ReconciliationReport } from '@shared/dto/broker';
import { startFakeAlpaca, type FakeAlpaca, type FakeAlpacaOptions } from '../fakes/alpaca/fake-alpaca-server';
import { inProcessClient, testEngine } from '../support/engine';
import { tempDir } from '../support/temp-dir';

/**
 * The real engine trading through the real Alpaca adapter (REST client, trade_updates stream,
 * reconciliation, journal) against the fake Alpaca server on 127.0.0.1: what the order
 * manager books must match what Alpaca did, to the cent, and no intent is ever sent twice.
 */
const KEY = { keyId: 'PKINTEGRATION01', secret: 'int-secret-0123456789abcdef' };
const PASSPHRASE = 'correct horse battery staple';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

const envFor = (fake: FakeAlpaca) => ({
  KESTREL_ALPACA_TRADING_URL: fake.tradingUrl,
  KESTREL_ALPACA_STREAM_URL: fake.streamUrl,
  KESTREL_ALPACA_DATA_URL: fake.dataStreamUrl,
  KESTREL_ALPACA_TIMEOUT_MS: '1500',
});

async function desk(options: FakeAlpacaOptions = {}, before: (fake: FakeAlpaca) => Promise<void> = () => Promise.resolve(), feed: 'live' | 'none' = 'none') {
  const fake = await startFakeAlpaca({ keys: [KEY], clock: 'system', ...options });
  cleanups.push(() => fake.close());
  await before(fake);
  const dataDir = tempDir();
  const engine = await testEngine({ dataDir, env: envFor(fake), feed });
  const client = inProcessClient(engine);
  const reports: ReconciliationReport[] = [];
  client.subscribe('broker.reconciliation', (report) => reports.push(report));
  await client.call('settings.update', { watchlist: ['AAPL', 'MSFT', 'HALT'] });
  const status = await client.call('broker.alpaca.connect', { ...KEY, profile: 'paper', passphrase: PASSPHRASE });
  await expect.poll(() => fake.streamListeners(), { timeout: 10_000 }).toBe(1);
  const place = (order: Omit<PlaceOrderInput, 'type'> & { type?: PlaceOrderInput['type'] }) =>
    client.call('orders.place', { type: 'limit', timeInForce: 'gtc', ...order });
  const order = async (id: string): Promise<OrderDto | undefined> => (await client.call('orders.list', {})).find((o) => o.id === id);
  return { fake, engine, client, dataDir, status, reports, place, order };
}

describe('trading through Alpaca (fake server)', () => {
  it('connects with the keys, shows the account and books partial and full fills from the stream to the cent', async () => {
    const d = await desk();
    expect(d.status).toMatchObject({ broker: 'alpaca', mode: 'paper', maskedKeyId: 'PKIN…01', storedKeys: true, vault: 'encrypted-file' } satisfies Partial<BrokerStatus>);
    const account = await d.client.call('account.get', {});
    expect(account).toMatchObject({ broker: 'alpaca', mode: 'paper', cash: '100000' });

    const placed = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '10', limitPrice: '150' });
    expect(placed.status).toBe('accepted');
    expect(d.fake.order(placed.clientOrderId)?.limit_price).toBe('150');
    d.fake.fill(placed.clientOrderId, '4', '149.5');
    await expect.poll(async () => (await d.order(placed.id))?.status).toBe('partially_filled');
    d.fake.fill(placed.clientOrderId, null, '149');
    await expect.poll(async () => (await d.order(placed.id))?.status).toBe('filled');

    const [position] = await d.client.call('positions.list', {});
    expect(position).toMatchObject({ symbol: 'AAPL', quantity: '10', averageCost: '149.2' });
    // 100,000 − 4 × 149.50 − 6 × 149.00, no commission at Alpaca.
    expect((await d.client.call('account.get', {})).cash).toBe('98508');
    expect(d.fake.cash()).toBe('98508');
    expect((await d.client.call('orders.fills', {})).map((fill) => [fill.quantity, fill.price])).toEqual([
      ['6', '149'],
      ['4', '149.5'],
    ]);
  });

  it('takes over the positions the account already holds, so its books equal Alpaca’s from the start', async () => {
    const d = await desk({}, async (fake) => {
      const response = await fetch(`${fake.tradingUrl}/v2/orders`, {
        method: 'POST',
        headers: { 'APCA-API-KEY-ID': KEY.keyId, 'APCA-API-SECRET-KEY': KEY.secret, 'Content-Type': 'application/json' },
        body: JSON.stringify({ symbol: 'MSFT', qty: '7', side: 'buy', type: 'market', time_in_force: 'day', client_order_id: 'bought-elsewhere' }),
      });
      expect(response.status).toBe(200);
      fake.fill('bought-elsewhere', '3', '400.1');
      fake.fill('bought-elsewhere', null, '400.2');
    });
    const [position] = await d.client.call('positions.list', {});
    // (3 × 400.10 + 4 × 400.20) ÷ 7 = 400.1571428…: Alpaca's own average entry price.
    expect(position).toMatchObject({ symbol: 'MSFT', quantity: '7', averageCost: d.fake.positions()[0]?.avg_entry_price });
    expect((await d.client.call('account.get', {})).cash).toBe(d.fake.cash());
    expect(d.fake.cash()).toBe('97198.9');
    const report = await d.client.call('broker.reconcile', {});
    expect(report.differences.filter((difference) => difference.kind === 'position')).toEqual([]);
  });

  it('cancels through the stream (the 204 alone changes nothing) and replaces with a new Alpaca order', async () => {
    const d = await desk({ cancelMode: 'manual' });
    const working = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '5', limitPrice: '100' });
    await d.client.call('orders.cancel', { id: working.id });
    expect((await d.order(working.id))?.status).toBe('accepted');
    d.fake.completeCancel(working.clientOrderId);
    await expect.poll(async () => (await d.order(working.id))?.status).toBe('canceled');

    const old = await d.place({ symbol: 'MSFT', side: 'buy', quantity: '3', limitPrice: '300' });
    const next = await d.client.call('orders.replace', { id: old.id, limitPrice: '301.5' });
    await expect.poll(async () => (await d.order(old.id))?.status).toBe('replaced');
    await expect.poll(async () => (await d.order(next.id))?.status).toBe('accepted');
    const replacement = d.fake.order(next.clientOrderId);
    expect(replacement?.limit_price).toBe('301.5');
    expect(replacement?.replaces).toBe(d.fake.order(old.clientOrderId)?.id);
  });

  it('turns a 403 and a 422 into rejections carrying Alpaca’s message', async () => {
    const d = await desk({ assets: [{ symbol: 'AAPL' }, { symbol: 'MSFT' }, { symbol: 'HALT', tradable: false }] });
    // An order placed elsewhere (Alpaca's own site) holds back most of the buying power.
    const elsewhere = await fetch(`${d.fake.tradingUrl}/v2/orders`, {
      method: 'POST',
      headers: { 'APCA-API-KEY-ID': KEY.keyId, 'APCA-API-SECRET-KEY': KEY.secret, 'Content-Type': 'application/json' },
      body: JSON.stringify({ symbol: 'AAPL', qty: '600', side: 'buy', type: 'limit', limit_price: '160', time_in_force: 'gtc' }),
    });
    expect(elsewhere.status).toBe(200);
    const broke = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '100', limitPrice: '150' });
    expect(broke.status).toBe('rejected');
    expect(broke.rejection?.message).toMatch(/insufficient buying power/);
    expect(broke.rejection?.message).toMatch(/403/);

    // A symbol Alpaca has halted: 422 with Alpaca's body.
    const halted = await d.place({ symbol: 'HALT', side: 'buy', quantity: '1', limitPrice: '10' });
    expect(halted.status).toBe('rejected');
    expect(halted.rejection?.message).toMatch(/asset HALT is not tradable/);
    expect(halted.rejection?.message).toMatch(/422/);

    // Reconciliation lists the order we never placed.
    const report = await d.client.call('broker.reconcile', {});
    expect(report.differences.some((difference) => difference.kind === 'unknown_order' && difference.symbol === 'AAPL')).toBe(true);
  });

  it('books the fills it missed while the stream was down once, when the reconnect reconciles', async () => {
    const d = await desk();
    const placed = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '10', limitPrice: '150' });
    d.fake.fill(placed.clientOrderId, '3', '149.9');
    await expect.poll(async () => (await d.order(placed.id))?.status).toBe('partially_filled');

    d.fake.refuseStreams(true);
    d.fake.dropStreams();
    await expect.poll(() => d.fake.streamListeners()).toBe(0);
    d.fake.fill(placed.clientOrderId, '2', '149.8');
    d.fake.fill(placed.clientOrderId, null, '149.7');
    expect(d.fake.tradeLog.slice(-2).map((entry) => entry.delivered)).toEqual([0, 0]);
    d.fake.refuseStreams(false);

    await expect.poll(async () => (await d.order(placed.id))?.status, { timeout: 20_000 }).toBe('filled');
    const fills = await d.client.call('orders.fills', {});
    // The two missed executions come from Alpaca's activities, each at its own price.
    expect(fills.map((fill) => [fill.quantity, fill.price]).sort()).toEqual([
      ['2', '149.8'],
      ['3', '149.9'],
      ['5', '149.7'],
    ]);
    // 3 × 149.90 + 2 × 149.80 + 5 × 149.70 = 1,497.80, booked from Alpaca's own executions.
    expect((await d.client.call('account.get', {})).cash).toBe('98502.2');
    await expect.poll(() => d.reports.some((report) => report.reason === 'reconnect' && report.differences.some((x) => x.kind === 'missed_fill'))).toBe(true);

    await d.client.call('broker.reconcile', {});
    expect(await d.client.call('orders.fills', {})).toHaveLength(3);
  });

  it('waits out a 429 storm and places the order exactly once', async () => {
    // Alpaca's window is a minute; a two-second one keeps the test short.
    const d = await desk({ rateLimitWindowMs: 2_000 });
    d.fake.rateLimitStorm(3);
    const placed = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '1', limitPrice: '150' });
    await expect.poll(async () => (await d.order(placed.id))?.status, { timeout: 20_000 }).toBe('accepted');
    expect(d.fake.orders().filter((o) => o.client_order_id === placed.clientOrderId)).toHaveLength(1);
  });

  it('after a 5xx or a timeout on submit looks the order up and never creates a second one', async () => {
    const d = await desk();
    const posts = (clientOrderId: string) =>
      d.fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders' && r.body.includes(`"client_order_id":"${clientOrderId}"`)).length;

    // Created, then answered 503: adopted after the lookup, one POST.
    d.fake.failNext('submit', { status: 503, afterProcessing: true });
    const created = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '1', limitPrice: '150' });
    await expect.poll(async () => (await d.order(created.id))?.status, { timeout: 20_000 }).toBe('accepted');
    expect(posts(created.clientOrderId)).toBe(1);

    // Refused with 502 before anything was created: sent again with the same client order id.
    d.fake.failNext('submit', { status: 502 });
    const resent = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '2', limitPrice: '150' });
    await expect.poll(async () => (await d.order(resent.id))?.status, { timeout: 20_000 }).toBe('accepted');
    expect(posts(resent.clientOrderId)).toBe(2);

    // Created but the answer never comes (a timeout): adopted, one POST.
    d.fake.stallNext('submit', {});
    const stalled = await d.place({ symbol: 'AAPL', side: 'buy', quantity: '3', limitPrice: '150' });
    await expect.poll(async () => (await d.order(stalled.id))?.status, { timeout: 20_000 }).toBe('accepted');
    expect(posts(stalled.clientOrderId)).toBe(1);

    for (const placed of [created, resent, stalled]) {
      expect(d.fake.orders().filter((o) => o.client_order_id === placed.clientOrderId)).toHaveLength(1);
    }
  });

  it('streams real symbols from Alpaca’s market data while connected', async () => {
    const d = await desk({}, () => Promise.resolve(), 'live');
    const tickers: { symbol: string; last: number }[] = [];
    d.client.subscribe('md.ticker', (ticker) => tickers.push(ticker));
    await expect.poll(() => d.fake.dataConnections, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => d.fake.dataReceived.some((message) => message.includes('AAPL')), { timeout: 10_000 }).toBe(true);
    d.fake.publishTrade({ S: 'AAPL', p: 187.42, s: 100, t: Date.now() });
    await expect.poll(() => tickers.find((ticker) => ticker.symbol === 'AAPL')?.last, { timeout: 10_000 }).toBe(187.42);
  });

  it('reports live trading in the engine info while a live account trades, and paper again after', async () => {
    const fake = await startFakeAlpaca({ keys: [KEY], clock: 'system' });
    cleanups.push(() => fake.close());
    const client = inProcessClient(await testEngine({ env: envFor(fake) }));
    expect((await client.call('system.info', {})).mode).toBe('paper');
    await client.call('broker.alpaca.connect', { ...KEY, profile: 'live', confirmLive: true, passphrase: PASSPHRASE });
    expect((await client.call('system.info', {})).mode).toBe('live');
    await client.call('broker.usePaper', {});
    expect((await client.call('system.info', {})).mode).toBe('paper');
  });

  it('trades on paper and says why when the keys cannot be stored', async () => {
    const fake = await startFakeAlpaca({ keys: [KEY], clock: 'system' });
    cleanups.push(() => fake.close());
    const dataDir = tempDir();
    // A directory where the vault file goes: the write fails as on a full or read-only disk.
    mkdirSync(join(dataDir, 'keys.vault', 'in-the-way'), { recursive: true });
    const client = inProcessClient(await testEngine({ dataDir, env: envFor(fake) }));
    await expect(client.call('broker.alpaca.connect', { ...KEY, profile: 'paper', passphrase: PASSPHRASE })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/keys could not be stored/),
    });
    expect(await client.call('broker.status', {})).toMatchObject({ broker: 'paper', mode: 'paper' });
    expect((await client.call('settings.get', {})).alpaca.enabled).toBe(false);
    const order = await client.call('orders.place', { symbol: 'SIM:SPY', side: 'buy', type: 'limit', quantity: '1', limitPrice: '1', timeInForce: 'gtc' });
    expect(order.status).toBe('accepted');
    expect(fake.orders()).toHaveLength(0);
  });
});
