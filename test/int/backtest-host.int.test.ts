import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestRequestInput, SweepProgress, SweepRequest } from '@shared/dto/backtest';
import { BacktestRequest, SweepRequest as SweepRequestSchema } from '@shared/dto/backtest';
import { DomainError } from '../../src/main/core/api/domain-error';
import { EventHub } from '../../src/main/core/events/event-hub';
import { startBacktests, type Backtests } from '../../src/main/node/backtest/start-backtests';
import { loadSeries, runSetup } from '../../src/main/node/backtest/load-series';
import { bestIndex, walkForwardWindows } from '../../src/main/node/backtest/sweep-planner';
import { runJob } from '../../src/main/node/backtest/worker/run-job';
import { BUILTIN_STRATEGIES } from '../../src/main/core/strategy/builtin';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { systemClock } from '../../src/main/node/system-clock';
import { inProcessClient, testEngine } from '../support/engine';
import { sharedDataFile } from '../support/shared-data';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Decimal } from '@shared/money/decimal';
import { tmpdir } from 'node:os';

/**
 * The backtest host on a real SQLite file holding real SPY daily bars (imported through the
 * engine's CSV importer), with real worker threads started from the TypeScript sources.
 */

const SPY = 'daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz';
const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
const FROM = day('2010-01-01');
const TO = day('2015-12-31');

let dataDir: string;
let store: SqliteStore;
let bars: SqliteBarStore;
let hub: EventHub;
let backtests: Backtests;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kestrel-backtest-'));
  // Import through the engine, as a user would; then compose backtests on the same file.
  const engine = await testEngine({ dataDir });
  const imported = await inProcessClient(engine).call('md.import.commit', { source: { kind: 'path', path: sharedDataFile(SPY) } });
  expect(imported).toMatchObject({ committed: true, symbols: ['SPY'], timeframe: '1d', rows: 3201 });
  await engine.close();
  store = openSqliteStore(join(dataDir, 'kestrel.db'));
  await migrateToLatest(store.db);
  bars = new SqliteBarStore(store.sqlite);
  hub = new EventHub();
  backtests = startBacktests({ sqlite: store.sqlite, hub, clock: systemClock, dataDir, workers: 2 });
}, 60_000);

afterAll(async () => {
  await backtests.stop();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const request = (input: Partial<BacktestRequestInput> = {}) =>
  BacktestRequest.parse({ strategy: 'sma-crossover', symbols: ['SPY'], timeframe: '1d', from: FROM, to: TO, params: { fast: 10, slow: 30 }, ...input });
const sweep = (input: Omit<Partial<SweepRequest>, 'base'> & { base?: Partial<BacktestRequestInput> }) =>
  SweepRequestSchema.parse({ ...input, base: request(input.base ?? {}) });

function progressEvents(): SweepProgress[] {
  const seen: SweepProgress[] = [];
  hub.subscribe('backtest.sweep.progress', (progress) => seen.push(progress));
  return seen;
}

async function settled(sweepId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await backtests.handlers['backtest.sweep.get']({ sweepId });
    if (result.progress.state !== 'running' || Date.now() > deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('backtests table (migration 0004)', () => {
  it('is a STRICT table with JSON text columns, epoch-ms integers and an index on created_at', () => {
    const names = store.sqlite.prepare('select name from kysely_migration order by name').pluck().all();
    expect(names).toContain('0004-backtests');
    expect(store.sqlite.prepare("select strict from pragma_table_list where name = 'backtests'").pluck().get()).toBe(1);
    expect(store.sqlite.prepare("select group_concat(name || ' ' || type, ', ') from pragma_table_info('backtests')").pluck().get()).toBe(
      'id TEXT, created_at INTEGER, strategy TEXT, symbols TEXT, timeframe TEXT, from_time INTEGER, to_time INTEGER, params TEXT, request TEXT, ' +
        'metrics TEXT, bars INTEGER, first_bar_time INTEGER, last_bar_time INTEGER, duration_ms REAL, trades TEXT, fills TEXT, equity TEXT',
    );
    expect(store.sqlite.prepare("select sql from sqlite_master where name = 'backtests_created'").pluck().get()).toMatch(/\("created_at"\)/);
  });
});

describe('backtest.run in a worker thread', () => {
  it('runs on the stored bars with warm-up before `from`, saves the result and gives what an in-process run gives', async () => {
    const result = await backtests.handlers['backtest.run'](request());
    expect(result.id).toMatch(/^bt-/);
    expect(result.request.params).toEqual({ fast: 10, slow: 30 });
    const stored = bars.readBars({ symbol: 'SPY', timeframe: '1d', from: FROM, to: TO });
    expect(result.equity.time).toHaveLength(stored.length);
    expect(result.equity.time[0]).toBe(stored.time[0]);
    expect(result.trades.length).toBeGreaterThan(5);
    for (const trade of result.trades) expect(trade.entryTime).toBeGreaterThanOrEqual(FROM);

    // The same input run right here: the worker changes where it runs, not what comes out.
    const definition = BUILTIN_STRATEGIES.get('sma-crossover')!;
    const { series } = await loadSeries(bars, request(), 30);
    expect(series[0]!.time.length).toBe(stored.length + 30);
    const direct = runJob(definition, runSetup(request(), bars), series, { jobId: 0, params: { fast: 10, slow: 30 }, from: FROM, to: null, detail: 'full' });
    expect(result.metrics).toEqual(direct.metrics);
    expect(result.trades).toEqual(direct.trades);
  });

  it('lists, gets, exports and deletes saved runs', async () => {
    const run = await backtests.handlers['backtest.run'](request({ params: { fast: 20, slow: 50 } }));
    const listed = await backtests.handlers['backtest.list']({ limit: 100 });
    expect(listed[0]).toEqual({ id: run.id, strategy: 'sma-crossover', symbols: ['SPY'], timeframe: '1d', params: { fast: 20, slow: 50 }, createdAt: run.createdAt, metrics: run.metrics });
    expect(await backtests.handlers['backtest.get']({ id: run.id })).toEqual(run);

    const trades = await backtests.handlers['backtest.export']({ id: run.id, format: 'csv', part: 'trades' });
    expect(trades.mime).toBe('text/csv');
    const lines = trades.content.trimEnd().split('\n');
    expect(lines[0]).toBe('symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,return_pct');
    expect(lines).toHaveLength(run.trades.length + 1);
    const first = run.trades[0]!;
    expect(lines[1]).toBe(`SPY,long,${new Date(first.entryTime).toISOString()},${new Date(first.exitTime).toISOString()},${first.quantity},${first.entryPrice},${first.exitPrice},${first.pnl},${first.returnPct}`);
    const equity = await backtests.handlers['backtest.export']({ id: run.id, format: 'csv', part: 'equity' });
    expect(equity.content.trimEnd().split('\n')).toHaveLength(run.equity.time.length + 1);
    const all = await backtests.handlers['backtest.export']({ id: run.id, format: 'json', part: 'all' });
    expect(JSON.parse(all.content)).toEqual(run);
    expect(() => backtests.handlers['backtest.export']({ id: run.id, format: 'csv', part: 'all' })).toThrow(/one table/);

    expect(await backtests.handlers['backtest.delete']({ id: run.id })).toEqual({ deleted: true });
    expect(await backtests.handlers['backtest.delete']({ id: run.id })).toEqual({ deleted: false });
    expect(() => backtests.handlers['backtest.get']({ id: run.id })).toThrow(DomainError);
  });

  it('says NOT_FOUND, with what the store has, when there are no bars', async () => {
    const error = await Promise.resolve(backtests.handlers['backtest.run'](request({ from: day('1990-01-01'), to: day('1990-12-31') }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No SPY 1d bars from 1990-01-01 to 1990-12-31: the store has SPY 1d bars from 2005-02-25 to 2017-11-10/) });
    await expect(backtests.handlers['backtest.run'](request({ symbols: ['NOPE'] }))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no NOPE 1d bars at all/) });
    await expect(backtests.handlers['backtest.run'](request({ strategy: 'no-such' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backtests.handlers['backtest.run'](request({ params: { fast: 50, slow: 30 } }))).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });

  it("runs a user's TypeScript strategy from the data directory in the worker: hand-checked to the cent", async () => {
    mkdirSync(join(dataDir, 'strategies'), { recursive: true });
    writeFileSync(
      join(dataDir, 'strategies', 'hold-ten.ts'),
      `import { defineStrategy } from 'kestrel';
export default defineStrategy<{ qty: number }>({
  name: 'Hold ten',
  description: 'Buys qty shares on the first bar and holds them',
  params: { qty: { kind: 'int', default: 10, min: 1, max: 1000 } },
  warmup: () => 0,
  create(params) {
    let sent = false;
    return {
      onBar(ctx, bar) {
        if (sent) return;
        sent = true;
        ctx.orders.submit({ symbol: bar.symbol, side: 'buy', type: 'market', quantity: String(params.qty) });
      },
    };
  },
});
`,
    );
    const listed = await backtests.handlers['backtest.strategies']({});
    expect(listed.find((s) => s.id === 'hold-ten')).toMatchObject({ source: 'user', name: 'Hold ten', error: null });

    const warm = backtests.service.workers().idle;
    const result = await backtests.handlers['backtest.run'](request({ strategy: 'hold-ten', params: { qty: 7 } }));
    // A thread of its own, stopped afterwards (the user's code ran in its global scope); the warm ones are left alone.
    expect(warm).toHaveLength(1);
    expect(backtests.service.workers()).toEqual({ busy: 0, idle: warm });
    const stored = bars.readBars({ symbol: 'SPY', timeframe: '1d', from: FROM, to: TO });
    // Decided on the first bar's close, filled at the second bar's open (on the cent tick:
    // the file has 98.678); marked at the last close.
    const open = new Decimal(String(stored.open[1])).toDecimalPlaces(2);
    expect(open.toFixed()).toBe('98.68');
    const last = new Decimal(String(stored.close[stored.length - 1]));
    expect(result.fills).toEqual([{ symbol: 'SPY', side: 'buy', time: stored.time[1], quantity: '7', price: open.toFixed(), commission: '0' }]);
    expect(new Decimal(result.metrics.finalEquity).toFixed(2)).toBe(new Decimal(100000).minus(open.times(7)).plus(last.times(7)).toFixed(2));
    expect(result.trades).toEqual([]);
  });

  it('lists the built-in strategies', async () => {
    const strategies = await backtests.handlers['backtest.strategies']({});
    expect(strategies.filter((s) => s.source === 'builtin').map((s) => s.id)).toEqual([...BUILTIN_STRATEGIES.keys()]);
    expect(strategies.find((s) => s.id === 'sma-crossover')?.params.fast).toMatchObject({ kind: 'int', default: 10 });
  });
});

describe('sweeps across worker threads', () => {
  it('runs every point of a 2-parameter grid on 2 workers, each row what a single run gives', async () => {
    const events = progressEvents();
    const { sweepId } = await backtests.handlers['backtest.sweep.start'](sweep({ grid: { fast: [5, 10, 20], slow: [30, 50] }, workers: 2 }));
    const result = await settled(sweepId);
    expect(result.progress).toMatchObject({ state: 'finished', done: 6, total: 6, etaMs: 0, error: null });
    expect(result.rows.map((row) => row.params)).toEqual([
      { fast: 5, slow: 30 }, { fast: 5, slow: 50 }, { fast: 10, slow: 30 }, { fast: 10, slow: 50 }, { fast: 20, slow: 30 }, { fast: 20, slow: 50 },
    ]);
    expect(result.rows.every((row) => row.sample === 'full' && row.window === null)).toBe(true);
    const single = await backtests.handlers['backtest.run'](request({ params: { fast: 20, slow: 50 } }));
    expect(result.rows[5]!.metrics).toEqual(single.metrics);
    expect(events.filter((e) => e.sweepId === sweepId).at(-1)).toMatchObject({ state: 'finished', done: 6, total: 6 });
    // Both threads wait warm for the next sweep (the single run above took one and gave it back).
    const { busy, idle } = backtests.service.workers();
    expect(busy).toBe(0);
    expect(idle).toHaveLength(2);
  });

  it('runs the next sweep on the same warm threads, with the same rows', async () => {
    const before = backtests.service.workers().idle;
    expect(before).toHaveLength(2);
    const { sweepId } = await backtests.handlers['backtest.sweep.start'](sweep({ grid: { fast: [5, 10, 20], slow: [30, 50] }, workers: 2 }));
    const again = await settled(sweepId);
    expect(again.progress.state).toBe('finished');
    expect(backtests.service.workers().idle.sort()).toEqual([...before].sort());
    const single = await backtests.handlers['backtest.run'](request({ params: { fast: 5, slow: 30 } }));
    expect(again.rows[0]!.metrics).toEqual(single.metrics);
  });

  it('cancels mid-sweep promptly, keeps the rows so far and leaves no worker running; the event loop stays responsive', async () => {
    const events = progressEvents();
    const fast = Array.from({ length: 40 }, (_, i) => 2 + i);
    const slow = Array.from({ length: 50 }, (_, i) => 50 + i * 2);
    const { sweepId } = await backtests.handlers['backtest.sweep.start'](sweep({ base: { from: undefined, to: undefined }, grid: { fast, slow }, workers: 2 }));
    let worstLagMs = 0;
    const until = Date.now() + 1500;
    while (Date.now() < until || !events.some((e) => e.sweepId === sweepId && e.done > 0)) {
      const asked = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      worstLagMs = Math.max(worstLagMs, performance.now() - asked);
    }
    expect(worstLagMs).toBeLessThan(200);
    expect(backtests.service.workers()).toEqual({ busy: 2, idle: [] });
    const asked = performance.now();
    const progress = await backtests.handlers['backtest.sweep.cancel']({ sweepId });
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(progress.state).toBe('canceled');
    expect(progress.total).toBe(2000);
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(2000);
    // Stopped mid-run: gone, not back in the pool.
    expect(backtests.service.workers()).toEqual({ busy: 0, idle: [] });
    const result = await backtests.handlers['backtest.sweep.get']({ sweepId });
    expect(result.progress.state).toBe('canceled');
    expect(result.rows).toHaveLength(progress.done);
    // At most ~5 progress events a second, and the last one says canceled.
    const mine = events.filter((e) => e.sweepId === sweepId);
    expect(mine.at(-1)?.state).toBe('canceled');
    const running = mine.filter((e) => e.state === 'running');
    expect(running.length).toBeLessThanOrEqual(Math.ceil((performance.now() - asked + 1500) / 200) + 15);
  });

  it('walks forward: per window, in-sample rows for every point and the in-sample best run out of sample', async () => {
    const request = sweep({ grid: { fast: [5, 10], slow: [30, 50] }, walkForward: { inSampleBars: 500, outOfSampleBars: 250, metric: 'totalReturn' }, workers: 2 });
    const { sweepId } = await backtests.handlers['backtest.sweep.start'](request);
    const result = await settled(sweepId);
    const tested = bars.readBars({ symbol: 'SPY', timeframe: '1d', from: FROM, to: TO }).length;
    const windows = walkForwardWindows(tested, 500, 250);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    expect(result.progress).toMatchObject({ state: 'finished', done: windows.length * 5, total: windows.length * 5 });
    for (const window of windows) {
      const rows = result.rows.filter((row) => row.window === window.index);
      const inSample = rows.filter((row) => row.sample === 'in');
      const out = rows.filter((row) => row.sample === 'out');
      expect(inSample.map((row) => row.params)).toEqual([{ fast: 5, slow: 30 }, { fast: 5, slow: 50 }, { fast: 10, slow: 30 }, { fast: 10, slow: 50 }]);
      expect(out).toHaveLength(1);
      expect(out[0]!.params).toEqual(inSample[bestIndex(inSample, 'totalReturn')]!.params);
      // Out-of-sample equity is measured over its own bars only.
      expect(out[0]!.metrics.days).toBeLessThan(inSample[0]!.metrics.days);
    }
  });

  it('refuses a walk-forward longer than the data and an unknown metric', async () => {
    await expect(backtests.handlers['backtest.sweep.start'](sweep({ grid: { fast: [5] }, walkForward: { inSampleBars: 5000, outOfSampleBars: 10, metric: 'sharpe' } }))).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
    await expect(backtests.handlers['backtest.sweep.start'](sweep({ grid: { fast: [5] }, walkForward: { inSampleBars: 100, outOfSampleBars: 10, metric: 'luck' } }))).rejects.toMatchObject({ code: 'INVALID_PARAMS', message: expect.stringMatching(/Unknown metric "luck"/) });
    await expect(backtests.handlers['backtest.sweep.start'](sweep({ grid: { fast: [500] } }))).rejects.toMatchObject({ code: 'INVALID_PARAMS' });
  });
});
