import { afterEach, describe, expect, it } from 'vitest';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { inProcessClient, testEngine } from '../support/engine';

/**
 * A symbol with a working order or an open position streams, though it is on no watchlist and
 * not on the chart: otherwise the order never fills and the position is never re-marked. The
 * real engine against the fake Polygon socket on 127.0.0.1.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe('symbols in play', () => {
  it('streams a symbol once it has a working order, fills the order on its data, and keeps it while the position is open', async () => {
    const fake = await FakePolygonServer.start({ symbols: ['AAPL', 'MSFT'], apiKeys: ['in-play-key'], start: Date.UTC(2026, 0, 5, 15, 0) });
    cleanups.push(() => fake.close());
    const env = { POLYGON_API_KEY: 'in-play-key', KESTREL_POLYGON_REST_URL: fake.restUrl, KESTREL_POLYGON_WS_URL: fake.wsUrl };
    const client = inProcessClient(await testEngine({ feed: 'live', env, clock: fake.clock }));
    const settings = await client.call('settings.get', {});
    await client.call('settings.update', { watchlist: ['AAPL'], chart: { ...settings.chart, symbol: 'AAPL' } });
    const subscribed = () => [...fake.sockets.clients].flatMap((client) => [...client.subs]);
    await expect.poll(subscribed).toContain('T.AAPL');
    expect(subscribed()).not.toContain('T.MSFT');

    // Found through the ticker search, as in the app (which stores the instrument), but not watched.
    expect((await client.call('md.reference.search', { query: 'MSFT' })).map((found) => found.symbol)).toContain('MSFT');
    const order = await client.call('orders.place', { symbol: 'MSFT', side: 'buy', type: 'limit', quantity: '1', limitPrice: '1000', timeInForce: 'gtc' });
    expect(order).toMatchObject({ status: 'accepted', rejection: null });
    await expect.poll(subscribed).toContain('T.MSFT');
    await fake.advanceMinute();
    await expect.poll(async () => (await client.call('orders.list', {})).find((o) => o.id === order.id)?.status).toBe('filled');

    // Flat again: MSFT is in play no more and its stream stops.
    expect(subscribed()).toContain('T.MSFT');
    const sell = await client.call('orders.place', { symbol: 'MSFT', side: 'sell', type: 'market', quantity: '1', timeInForce: 'day' });
    expect(sell).toMatchObject({ status: 'filled', rejection: null });
    await expect.poll(async () => (await client.call('portfolio.snapshot', {})).positions.length).toBe(0);
    await expect.poll(subscribed).not.toContain('T.MSFT');
    expect(subscribed()).toContain('T.AAPL');
  });
});
