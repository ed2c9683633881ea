import { describe, expect, it } from 'vitest';
import type { Ticker } from '@shared/dto/market-data';
import { createTickerStore } from './ticker-store';
import { FakeEngineClient } from '../testing/fake-engine-client';

const ticker = (symbol: string, last: number, time = 1_000): Ticker => ({ symbol, last, previousClose: 100, time });

/** A scheduler that runs the flush only when the test says so. */
function manualSchedule(): { schedule: (run: () => void) => void; runAll: () => void; waiting: () => number } {
  const queue: (() => void)[] = [];
  return {
    schedule: (run) => void queue.push(run),
    runAll: () => {
      for (const run of queue.splice(0)) run();
    },
    waiting: () => queue.length,
  };
}

describe('ticker store', () => {
  it('fetches the watched symbols once and only new ones after that', async () => {
    const client = new FakeEngineClient().handle('md.tickers', ({ symbols }) => symbols.map((s) => ticker(s, 101)));
    const store = createTickerStore(client);

    await store.getState().watch(['SIM:SPY', 'SIM:QQQ']);
    expect(store.getState().tickers['SIM:SPY']?.last).toBe(101);
    expect(store.getState().status).toBe('ready');

    await store.getState().watch(['SIM:SPY', 'SIM:QQQ', 'AAPL']);
    expect(client.calls.map((call) => call.params)).toEqual([{ symbols: ['SIM:SPY', 'SIM:QQQ'] }, { symbols: ['AAPL'] }]);
  });

  it('reloads every watched symbol', async () => {
    const client = new FakeEngineClient().handle('md.tickers', ({ symbols }) => symbols.map((s) => ticker(s, 101)));
    const store = createTickerStore(client);
    await store.getState().watch(['A', 'B']);
    await store.getState().load();
    expect(client.calls.at(-1)?.params).toEqual({ symbols: ['A', 'B'] });
  });

  it('does not call the engine for an empty watchlist', async () => {
    const client = new FakeEngineClient();
    const store = createTickerStore(client);
    await store.getState().load();
    expect(client.calls).toEqual([]);
    expect(store.getState().status).toBe('idle');
  });

  it('reports a failed fetch without throwing', async () => {
    const client = new FakeEngineClient().handle('md.tickers', () => Promise.reject(new Error('Market data is not available')));
    const store = createTickerStore(client);
    await store.getState().watch(['A']);
    expect(store.getState()).toMatchObject({ status: 'error', error: 'Market data is not available' });
  });

  it('applies pushed tickers in one batch per flush', () => {
    const timer = manualSchedule();
    const store = createTickerStore(new FakeEngineClient(), { schedule: timer.schedule });
    let renders = 0;
    store.subscribe(() => (renders += 1));

    store.getState().receive(ticker('A', 1, 1));
    store.getState().receive(ticker('A', 2, 2));
    store.getState().receive(ticker('B', 5, 2));
    expect(timer.waiting()).toBe(1);
    expect(store.getState().tickers).toEqual({});

    timer.runAll();
    expect(renders).toBe(1);
    expect(store.getState().tickers['A']?.last).toBe(2);
    expect(store.getState().tickers['B']?.last).toBe(5);
  });

  it('never replaces a ticker with an older one', async () => {
    const timer = manualSchedule();
    const client = new FakeEngineClient().handle('md.tickers', () => [ticker('A', 1, 10)]);
    const store = createTickerStore(client, { schedule: timer.schedule });
    store.getState().receive(ticker('A', 3, 30));
    timer.runAll();
    await store.getState().watch(['A']);
    await store.getState().load();
    expect(store.getState().tickers['A']?.last).toBe(3);
  });
});
