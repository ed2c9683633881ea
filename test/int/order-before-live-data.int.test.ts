import { describe, expect, it } from 'vitest';
import { inProcessClient, testEngine } from '../support/engine';
import { FakeTime } from '../support/fake-time';
import { AAPL_DAILY_CSV, sharedDataFile } from '../support/shared-data';

const marketBuy = (symbol: string) => ({ symbol, side: 'buy', type: 'market', quantity: '1', timeInForce: 'day' }) as const;

/**
 * Right after start the watchlist already shows prices (the simulator's stored history). The
 * simulator quotes each symbol once as it starts, before the paper broker exists; then
 * nothing until the next print, which at night comes seconds apart. Simulated time holds the
 * feed still, so an order lands in exactly that gap (in the e2e suite it did by chance).
 */
describe('an order before the first live event its broker sees', () => {
  it('fills a market order at once on the quote the simulator printed as it started', async () => {
    const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0));
    const client = inProcessClient(await testEngine({ feed: 'live', seed: 11, clock: time, scheduler: time }));
    const [ticker] = await client.call('md.tickers', { symbols: ['SIM:SPY'] });
    expect(ticker?.last).toBeGreaterThan(0);

    const order = await client.call('orders.place', marketBuy('SIM:SPY'));
    expect(order.status).toBe('filled');
    // Bought at the opening quote's ask: one or two cents above the simulator's price.
    const paid = Number(order.averageFillPrice);
    expect(paid - ticker!.last).toBeGreaterThan(0);
    expect(paid - ticker!.last).toBeLessThan(0.025);
  });

  it('is valued at a fresh stored close when its symbol has no live data, and waits for data', async () => {
    // Daily AAPL bars from Yahoo Finance; the last, 2018-01-19, is under a day old here.
    const time = new FakeTime(Date.UTC(2018, 0, 19, 20, 0));
    const client = inProcessClient(await testEngine({ feed: 'live', seed: 11, clock: time, scheduler: time }));
    await client.call('md.import.commit', { source: { kind: 'path', path: sharedDataFile(AAPL_DAILY_CSV) }, symbol: 'AAPL', timeframe: '1d' });
    const [ticker] = await client.call('md.tickers', { symbols: ['AAPL'] });

    const preview = await client.call('orders.preview', marketBuy('AAPL'));
    expect(preview.rejection).toBeNull();
    expect(Number(preview.estimatedPrice)).toBeCloseTo(ticker!.last, 2);
    const order = await client.call('orders.place', marketBuy('AAPL'));
    expect(order).toMatchObject({ status: 'accepted', rejection: null, filledQuantity: '0' });
  });

  it('is still refused for want of a price when the only one is an old stored close (no live feed for it)', async () => {
    const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0));
    const client = inProcessClient(await testEngine({ feed: 'live', seed: 11, clock: time, scheduler: time }));
    await client.call('md.import.commit', { source: { kind: 'path', path: sharedDataFile(AAPL_DAILY_CSV) }, symbol: 'AAPL', timeframe: '1d' });
    const [ticker] = await client.call('md.tickers', { symbols: ['AAPL'] });
    expect(new Date(ticker!.time).toISOString().slice(0, 10)).toBe('2018-01-19');
    const order = await client.call('orders.place', marketBuy('AAPL'));
    expect(order).toMatchObject({ status: 'rejected', rejection: { rule: 'no_price' } });
  });
});
