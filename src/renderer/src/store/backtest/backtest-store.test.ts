import { describe, expect, it } from 'vitest';
import { FakeEngineClient, flush } from '../testing/fake-engine-client';
import { createBacktestStore } from './backtest-store';
import { overlayFills } from './backtest-overlay';
import { REQUEST, SMA_CROSSOVER, T0, result, summary } from './testing/backtest-fixtures';

function engine(): FakeEngineClient {
  return new FakeEngineClient()
    .handle('backtest.strategies', () => [SMA_CROSSOVER])
    .handle('backtest.list', () => [summary('r1')])
    .handle('backtest.run', () => result('r2'))
    .handle('backtest.get', ({ id }) => result(id))
    .handle('backtest.delete', () => ({ deleted: true }))
    .handle('backtest.export', ({ id, format }) => ({ fileName: `${id}.${format}`, mime: 'text/csv', content: 'a,b\n1,2\n' }));
}

describe('backtest store', () => {
  it('loads the strategies and the saved runs', async () => {
    const store = createBacktestStore(engine());
    await store.getState().load();
    expect(store.getState().strategies.map((s) => s.id)).toEqual(['sma-crossover']);
    expect(store.getState().runs.map((r) => r.id)).toEqual(['r1']);
  });

  it('runs a backtest, shows it and refreshes the list', async () => {
    const client = engine();
    const store = createBacktestStore(client);
    const running = store.getState().run(REQUEST);
    expect(store.getState().runStatus).toBe('running');
    await running;
    expect(store.getState()).toMatchObject({ runStatus: 'ready', error: null });
    expect(store.getState().result?.id).toBe('r2');
    expect(client.calls.map((c) => c.method)).toEqual(['backtest.run', 'backtest.list']);
  });

  it('keeps the engine refusal as a message', async () => {
    const client = engine().handle('backtest.run', () => {
      throw new Error('No bars for ZZZ 1d');
    });
    const store = createBacktestStore(client);
    await store.getState().run(REQUEST);
    expect(store.getState()).toMatchObject({ runStatus: 'error', error: 'No bars for ZZZ 1d', result: null });
  });

  it('shows only the last of two overlapping runs', async () => {
    let release: () => void = () => undefined;
    const client = engine().handle('backtest.get', ({ id }) =>
      id === 'slow' ? new Promise((resolve) => (release = () => resolve(result('slow')))) : result(id),
    );
    const store = createBacktestStore(client);
    const first = store.getState().open('slow');
    await store.getState().open('fast');
    release();
    await first;
    expect(store.getState().result?.id).toBe('fast');
  });

  it('deletes a run and forgets it everywhere', async () => {
    const store = createBacktestStore(engine());
    await store.getState().load();
    await store.getState().open('r1');
    store.getState().showOnChart(result('r1'));
    await store.getState().remove('r1');
    expect(store.getState()).toMatchObject({ runs: [], result: null, overlay: null, runStatus: 'idle' });
  });

  it('exports a run as a file', async () => {
    const store = createBacktestStore(engine());
    expect(await store.getState().exportRun('r1', 'csv')).toEqual({ ok: true, fileName: 'r1.csv', mime: 'text/csv', content: 'a,b\n1,2\n' });
  });

  it('puts a run on the chart: its fills, the trade view', () => {
    const store = createBacktestStore(engine());
    store.getState().setView('backtest');
    store.getState().showOnChart(result('r1'));
    expect(store.getState().view).toBe('trade');
    expect(overlayFills(store.getState().overlay)).toEqual([
      { id: 'bt-r1-0', symbol: 'AAPL', side: 'buy', quantity: '100', price: '150.5', time: T0 + 86_400_000 },
      { id: 'bt-r1-1', symbol: 'AAPL', side: 'sell', quantity: '100', price: '160', time: T0 + 2 * 86_400_000 },
    ]);
    store.getState().clearOverlay();
    expect(overlayFills(store.getState().overlay)).toEqual([]);
  });

  it('reports the first failure of a load', async () => {
    const client = engine().handle('backtest.list', () => {
      throw new Error('database is locked');
    });
    const store = createBacktestStore(client);
    await store.getState().load();
    await flush();
    expect(store.getState()).toMatchObject({ error: 'database is locked', strategies: [SMA_CROSSOVER] });
  });
});
