import { describe, expect, it } from 'vitest';
import { inProcessClient, testEngine } from '../support/engine';
import { FakeTime } from '../support/fake-time';
import { AAPL_DAILY_CSV, sharedDataFile } from '../support/shared-data';

/** Daily AAPL bars from Yahoo Finance, 2004-08-19 to 2018-01-19. */


/**
 * Right after start the watchlist already shows a price (the simulator's stored history) while
 * the live feed has sent nothing yet. Simulated time holds the feed still, so an order lands in
 * exactly that gap (in the e2e suite it did by chance, now and then).
 */
describe('an order before the first live event of its symbol', () => {
  it('is valued at the price the watchlist shows, not refused for having none, and fills on the first live event', async () => {
    const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0));
    const client = inProcessClient(await testEngine({ feed: 'live', seed: 11, clock: time, scheduler: time }));
    const [ticker] = await client.call('md.tickers', { symbols: ['SIM:SPY'] });
    expect(ticker?.last).toBeGreaterThan(0);

    const preview = await client.call('orders.preview', { symbol: 'SIM:SPY', side: 'buy', type: 'market', quantity: '1', timeInForce: 'day' });
    expect(preview.rejection).toBeNull();
    expect(Number(preview.estimatedPrice)).toBeCloseTo(ticker!.last, 2);

    const order = await client.call('orders.place', { symbol: 'SIM:SPY', side: 'buy', type: 'market', quantity: '1', timeInForce: 'day' });
    expect(order.rejection).toBeNull();
    expect(order.status).not.toBe('rejected');

    time.advance(5_000); // the simulator's first events
    await expect.poll(async () => (await client.call('orders.list', {}))[0]?.status).toBe('filled');
  });

  it('is still refused for want of a price when the only one is an old stored close (no live feed for it)', async () => {
    const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0));
    const client = inProcessClient(await testEngine({ feed: 'live', seed: 11, clock: time, scheduler: time }));
    await client.call('md.import.commit', { source: { kind: 'path', path: sharedDataFile(AAPL_DAILY_CSV) }, symbol: 'AAPL', timeframe: '1d' });
    const [ticker] = await client.call('md.tickers', { symbols: ['AAPL'] });
    expect(new Date(ticker!.time).toISOString().slice(0, 10)).toBe('2018-01-19');
    const order = await client.call('orders.place', { symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1', timeInForce: 'day' });
    expect(order).toMatchObject({ status: 'rejected', rejection: { rule: 'no_price' } });
  });
});
