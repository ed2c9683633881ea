import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES } from '../../src/main/core/strategy/builtin';
import { mulberry32 } from '../../src/main/core/ports/random';
import { runJob } from '../../src/main/node/backtest/worker/run-job';
import { backtestWorkerEntry } from '../../src/main/node/backtest/worker/worker-entry';
import type { RunJob, SeriesData, WorkerInit } from '../../src/main/node/backtest/worker/worker-protocol';
import { WorkerPool } from '../../src/main/node/backtest/worker/worker-pool';
import { tempDir } from '../support/temp-dir';

/** The pool with real worker threads started from the TypeScript sources. */

const pools: WorkerPool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.stop()));
});

function pool(idleMs?: number): WorkerPool {
  const made = new WorkerPool(backtestWorkerEntry, idleMs);
  pools.push(made);
  return made;
}

/** Daily bars of a seeded random walk. */
function series(seed: number, n = 600): SeriesData {
  const random = mulberry32(seed);
  const column = () => new Float64Array(n);
  const data: SeriesData = { symbol: 'X', time: column(), open: column(), high: column(), low: column(), close: column(), volume: column() };
  let price = 100;
  for (let i = 0; i < n; i += 1) {
    const close = Math.round(price * (1 + 0.03 * (random() - 0.5)) * 100) / 100;
    data.time[i] = Date.UTC(2020, 0, 1) + i * 86_400_000;
    data.open[i] = price;
    data.high[i] = Math.max(price, close) + 0.5;
    data.low[i] = Math.min(price, close) - 0.5;
    data.close[i] = close;
    data.volume[i] = 1_000_000;
    price = close;
  }
  return data;
}

const init = (data: SeriesData, id = 'sma-crossover'): WorkerInit => ({
  type: 'init',
  strategy: { source: 'builtin', id },
  dataDir: tempDir(),
  setup: { timeframe: '1d', initialCash: '100000', slippage: { model: 'none' }, commission: { model: 'none' }, benchmark: 'X', instruments: [] },
  series: [data],
});
const job: RunJob = { jobId: 1, params: { fast: 5, slow: 20 }, from: null, to: null, detail: 'metrics' };

describe('WorkerPool', () => {
  it('gives a released thread the next load, and it runs the new bars as a fresh run would', async () => {
    const workers = pool();
    const [first] = await workers.acquire(1, init(series(1)));
    await first!.run(job);
    await workers.release(first!);
    expect(workers.snapshot()).toEqual({ busy: 0, idle: [first!.threadId] });

    const other = series(2);
    const [again] = await workers.acquire(1, init(other));
    expect(again).toBe(first);
    expect(workers.snapshot()).toEqual({ busy: 1, idle: [] });
    const { metrics } = await again!.run(job);
    const direct = runJob(BUILTIN_STRATEGIES.get('sma-crossover')!, init(other).setup, [other], { ...job, detail: 'full' });
    expect(metrics).toEqual(direct.metrics);
    expect(metrics.tradeCount).toBeGreaterThan(3);
  });

  it('prestarts threads that the next acquire takes, and no more than asked', async () => {
    const workers = pool();
    workers.prestart(2);
    workers.prestart(2);
    const started = workers.snapshot().idle;
    expect(started).toHaveLength(2);
    const taken = await workers.acquire(2, init(series(1)));
    expect(taken.map((client) => client.threadId).sort()).toEqual([...started].sort());
    expect((await taken[1]!.run(job)).metrics.tradeCount).toBeGreaterThan(0);
  });

  it('retires an idle thread after idleMs', async () => {
    const workers = pool(100);
    const [client] = await workers.acquire(1, init(series(1)));
    await workers.release(client!);
    expect(workers.snapshot().idle).toHaveLength(1);
    await client!.closed;
    expect(workers.snapshot()).toEqual({ busy: 0, idle: [] });
  });

  it('drops a thread that dies while idle, and starts a new one for the next load', async () => {
    const workers = pool();
    const [client] = await workers.acquire(1, init(series(1)));
    await workers.release(client!);
    await client!.terminate();
    expect(workers.snapshot().idle).toEqual([]);
    const [fresh] = await workers.acquire(1, init(series(1)));
    expect(fresh).not.toBe(client);
    expect((await fresh!.run(job)).metrics.tradeCount).toBeGreaterThan(0);
  });

  it('stops every thread it took when one cannot load, and throws the load error', async () => {
    const workers = pool();
    const [warm] = await workers.acquire(1, init(series(1)));
    await workers.release(warm!);
    await expect(workers.acquire(2, init(series(1), 'no-such-strategy'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(workers.snapshot()).toEqual({ busy: 0, idle: [] });
    expect(warm!.alive).toBe(false);
  });

  it('stops busy and idle threads on stop(), and takes no work after', async () => {
    const workers = pool();
    const [a, b] = await workers.acquire(2, init(series(1)));
    await workers.release(a!);
    await workers.stop();
    expect([a!.alive, b!.alive]).toEqual([false, false]);
    expect(workers.snapshot()).toEqual({ busy: 0, idle: [] });
    await expect(workers.acquire(1, init(series(1)))).rejects.toThrow(/stopping/);
  });
});
