import { describe, expect, it } from 'vitest';
import type { SweepRow } from '@shared/dto/backtest';
import { FakeEngineClient, flush } from '../testing/fake-engine-client';
import { createBacktestStore } from './backtest-store';
import { METRICS_SAMPLE, REQUEST, progress } from './testing/backtest-fixtures';

const ROWS: SweepRow[] = [
  { params: { fast: 5, slow: 30 }, metrics: METRICS_SAMPLE, sample: 'full', window: null },
  { params: { fast: 10, slow: 30 }, metrics: METRICS_SAMPLE, sample: 'full', window: null },
];
const REQ = { base: REQUEST, grid: { fast: [5, 10], slow: [30] } };
const AXES = { x: 'fast', y: 'slow' };

function engine(state: 'running' | 'finished' = 'running'): FakeEngineClient {
  return new FakeEngineClient()
    .handle('backtest.sweep.start', () => ({ sweepId: 's1' }))
    .handle('backtest.sweep.get', ({ sweepId }) => ({ sweepId, progress: progress(sweepId, state === 'running' ? 0 : 2, 2, state), rows: state === 'running' ? [] : ROWS }))
    .handle('backtest.sweep.cancel', ({ sweepId }) => progress(sweepId, 1, 2, 'canceled'));
}

describe('sweeps in the backtest store', () => {
  it('follows pushed progress and fetches the rows when the sweep finishes', async () => {
    const client = engine();
    const store = createBacktestStore(client);
    await store.getState().startSweep(REQ, AXES);
    expect(store.getState().sweep).toMatchObject({ sweepId: 's1', starting: false, progress: { done: 0, total: 2, state: 'running' }, rows: [] });

    store.getState().receiveSweepProgress(progress('s1', 1, 2));
    store.getState().receiveSweepProgress(progress('other', 7, 9));
    expect(store.getState().sweep.progress).toMatchObject({ sweepId: 's1', done: 1 });

    client.handle('backtest.sweep.get', ({ sweepId }) => ({ sweepId, progress: progress(sweepId, 2, 2, 'finished'), rows: ROWS }));
    store.getState().receiveSweepProgress(progress('s1', 2, 2, 'finished'));
    await flush();
    expect(store.getState().sweep).toMatchObject({ progress: { state: 'finished', done: 2 }, rows: ROWS, axes: AXES });
  });

  it('applies progress that arrived before the start answered', async () => {
    const client = engine('finished');
    let answer: (value: { sweepId: string }) => void = () => undefined;
    client.handle('backtest.sweep.start', () => new Promise((resolve) => (answer = resolve)));
    const store = createBacktestStore(client);
    const starting = store.getState().startSweep(REQ, AXES);
    store.getState().receiveSweepProgress(progress('s1', 2, 2, 'finished'));
    answer({ sweepId: 's1' });
    await starting;
    await flush();
    expect(store.getState().sweep).toMatchObject({ progress: { state: 'finished' }, rows: ROWS });
  });

  it('cancels: the state says so and a late running event does not undo it', async () => {
    const client = engine();
    const store = createBacktestStore(client);
    await store.getState().startSweep(REQ, AXES);
    client.handle('backtest.sweep.get', ({ sweepId }) => ({ sweepId, progress: progress(sweepId, 1, 2, 'canceled'), rows: ROWS.slice(0, 1) }));
    await store.getState().cancelSweep();
    store.getState().receiveSweepProgress(progress('s1', 2, 2, 'running'));
    await flush();
    expect(store.getState().sweep).toMatchObject({ progress: { state: 'canceled', done: 1 }, rows: ROWS.slice(0, 1) });
  });

  it('shows why a sweep could not start', async () => {
    const client = engine().handle('backtest.sweep.start', () => {
      throw new Error('Grid too large');
    });
    const store = createBacktestStore(client);
    await store.getState().startSweep(REQ, AXES);
    expect(store.getState().sweep).toMatchObject({ sweepId: null, starting: false, error: 'Grid too large' });
  });
});
