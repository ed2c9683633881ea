import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methods, type ParamsIn, type Result } from '@shared/contract/rpc';
import type { Instrument } from '@shared/dto/market-data';
import type { Bar } from '../../src/main/core/market-data/types';
import { barHandlers } from '../../src/main/core/market-data/bar-handlers';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { runCli } from '../../src/main/node/cli/run-cli';
import { sharedDataFile } from '../support/shared-data';
import { tempDir } from '../support/temp-dir';

const open: SqliteStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

/** A migrated database in a real file, as the engine opens it. */
async function barStore(dataDir = tempDir()): Promise<{ store: SqliteBarStore; sqlite: SqliteStore['sqlite'] }> {
  const db = openSqliteStore(join(dataDir, 'kestrel.db'));
  open.push(db);
  await migrateToLatest(db.db);
  return { store: new SqliteBarStore(db.sqlite), sqlite: db.sqlite };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 2, 5); // 00:00 New York

function bar(i: number, overrides: Partial<Bar> = {}): Bar {
  const open = 100 + i * 0.25;
  return { time: T0 + i * DAY, open, high: open + 1.5, low: open - 1.25, close: open + 0.5, volume: 1000 + i, vwap: null, trades: null, ...overrides };
}

const instrument = (symbol: string, name: string, active = true): Instrument => {
  return { symbol, name, assetClass: 'etf', exchange: 'ARCX', currency: 'USD', tickSize: '0.01', lotSize: '1', active };
};

describe('market-data schema (migration 0002)', () => {
  it('creates instruments, bars (WITHOUT ROWID, STRICT, keyed by symbol/timeframe/time) and trades', async () => {
    const { sqlite } = await barStore();
    const tables = sqlite.prepare("select name, wr, strict from pragma_table_list where schema = 'main' and name in ('instruments', 'bars', 'trades') order by name").all();
    expect(tables).toEqual([{ name: 'bars', wr: 1, strict: 1 }, { name: 'instruments', wr: 0, strict: 1 }, { name: 'trades', wr: 0, strict: 1 }]);
    const keys = sqlite.prepare("select name from pragma_table_info('bars') where pk > 0 order by pk").pluck().all();
    expect(keys).toEqual(['symbol', 'timeframe', 'time']);
    const types = sqlite.prepare("select group_concat(name || ' ' || type, ', ') from pragma_table_info('bars')").pluck().get();
    expect(types).toBe('symbol TEXT, timeframe TEXT, time INTEGER, open TEXT, high TEXT, low TEXT, close TEXT, volume TEXT, vwap TEXT, trades INTEGER');
    expect(sqlite.prepare("select sql from sqlite_master where name = 'trades_symbol_time'").pluck().get()).toMatch(/\("symbol", "time"\)/);
    const plan = sqlite.prepare("explain query plan select time from bars where symbol = 'SPY' and timeframe = '1d' and time >= 0 order by time").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toMatch(/SEARCH bars USING PRIMARY KEY/);
  });
});

describe('SqliteBarStore bars', () => {
  it('stores prices as the exact decimal text and reads them back as the same floats', async () => {
    const { store, sqlite } = await barStore();
    store.upsertBars('AAPL', '5m', [{ time: T0, open: 251.245, high: 251.645, low: 249.566, close: 250.95, volume: 2195329.299734271, vwap: 250.5, trades: 42 }]);
    expect(sqlite.prepare('select open, high, low, close, volume, vwap, trades from bars').get()).toEqual({
      open: '251.245',
      high: '251.645',
      low: '249.566',
      close: '250.95',
      volume: '2195329.299734271',
      vwap: '250.5',
      trades: 42,
    });
    const read = store.readBars({ symbol: 'AAPL', timeframe: '5m' });
    expect([read.open[0], read.close[0], read.volume[0]]).toEqual([251.245, 250.95, 2195329.299734271]);
  });

  it('counts only new or changed bars, so writing the same bars twice leaves one copy and reports 0', async () => {
    const { store, sqlite } = await barStore();
    const bars = Array.from({ length: 100 }, (_, i) => bar(i));
    expect(store.upsertBars('SPY', '1d', bars)).toBe(100);
    expect(store.upsertBars('SPY', '1d', bars)).toBe(0);
    expect(store.upsertBars('SPY', '1d', [bar(5, { close: 999 }), bar(6), bar(100)])).toBe(2);
    expect(store.upsertBars('SPY', '1d', [bar(7, { vwap: 101 })])).toBe(1);
    expect(store.upsertBars('SPY', '1d', [bar(7, { vwap: 101 })])).toBe(0);
    expect(sqlite.prepare('select count(*) from bars').pluck().get()).toBe(101);
    expect(store.readBars({ symbol: 'SPY', timeframe: '1d', from: bar(5).time, to: bar(5).time }).close[0]).toBe(999);
    // Another timeframe or symbol is another series.
    expect(store.upsertBars('SPY', '1h', bars.slice(0, 3))).toBe(3);
    expect(store.upsertBars('QQQ', '1d', bars.slice(0, 3))).toBe(3);
    expect(store.extent('SPY', '1d')).toEqual({ first: bar(0).time, last: bar(100).time, count: 101 });
  });

  it('moves its data version on a write of the series through any store on the connection and on another connection’s commit, not on other series', async () => {
    const dataDir = tempDir();
    const { store, sqlite } = await barStore(dataDir);
    const twin = new SqliteBarStore(sqlite);
    const version = () => store.dataVersion(['SPY'], '1d');
    const v0 = version();
    expect(version()).toBe(v0);
    twin.upsertBars('QQQ', '1d', [bar(0)]);
    twin.upsertBars('SPY', '1m', [bar(0)]);
    expect(version()).toBe(v0);
    twin.upsertBars('SPY', '1d', [bar(0)]);
    const v1 = version();
    expect(v1).not.toBe(v0);
    const other = openSqliteStore(join(dataDir, 'kestrel.db'));
    open.push(other);
    new SqliteBarStore(other.sqlite).upsertBars('SPY', '1d', [bar(1)]);
    expect(version()).not.toBe(v1);
  });

  it('writes a batch all or nothing: one non-finite value and none of it is stored', async () => {
    const { store } = await barStore();
    const bars = [bar(0), bar(1), bar(2, { high: Number.NaN }), bar(3)];
    expect(() => store.upsertBars('SPY', '1d', bars)).toThrow(/non-finite/);
    expect(store.extent('SPY', '1d')).toBeNull();
    expect(store.transaction(() => store.upsertBars('SPY', '1d', [bar(0)]))).toBe(1);
    expect(() =>
      store.transaction(() => {
        store.upsertBars('QQQ', '1d', [bar(0), bar(1)]);
        store.upsertBars('IWM', '1d', [bar(0, { volume: Number.POSITIVE_INFINITY })]);
      }),
    ).toThrow();
    expect(store.extent('QQQ', '1d')).toBeNull();
  });

  it('reads a range oldest first, bounded by from/to, the first N or the latest N', async () => {
    const { store } = await barStore();
    store.upsertBars('SPY', '1d', Array.from({ length: 50 }, (_, i) => bar(i)));
    const times = (columns: { time: Float64Array }) => Array.from(columns.time, (t) => (t - T0) / DAY);
    expect(times(store.readBars({ symbol: 'SPY', timeframe: '1d', from: bar(10).time, to: bar(14).time }))).toEqual([10, 11, 12, 13, 14]);
    expect(times(store.readBars({ symbol: 'SPY', timeframe: '1d', limit: 3 }))).toEqual([0, 1, 2]);
    expect(times(store.readBars({ symbol: 'SPY', timeframe: '1d', limit: 3, latest: true }))).toEqual([47, 48, 49]);
    expect(times(store.readBars({ symbol: 'SPY', timeframe: '1d', to: bar(20).time, limit: 4, latest: true }))).toEqual([17, 18, 19, 20]);
    expect(times(store.readBars({ symbol: 'SPY', timeframe: '1d', from: bar(48).time, limit: 10, latest: true }))).toEqual([48, 49]);
    const all = store.readBars({ symbol: 'SPY', timeframe: '1d' });
    expect(all.length).toBe(50);
    expect([all.open[49], all.high[49], all.low[49], all.close[49], all.volume[49]]).toEqual([112.25, 113.75, 111, 112.75, 1049]);
    expect(store.readBars({ symbol: 'SPY', timeframe: '1h' }).length).toBe(0);
    expect(store.readBars({ symbol: 'NOPE', timeframe: '1d', limit: 5, latest: true }).time).toEqual(new Float64Array(0));
    expect(store.extent('NOPE', '1d')).toBeNull();
  });
});

describe('md.bars and md.instruments.search handlers', () => {
  /** Calls a handler as the router does: parsed params in, result checked against the contract. */
  async function call<M extends 'md.bars' | 'md.instruments.search'>(store: SqliteBarStore, method: M, params: ParamsIn<M>): Promise<Result<M>> {
    const handler = barHandlers(store)[method] as unknown as (p: unknown) => unknown;
    return methods[method].result.parse(await handler(methods[method].params.parse(params))) as Result<M>;
  }

  it('pages backwards with before, reporting hasMore while older bars exist', async () => {
    const { store } = await barStore();
    store.upsertBars('SPY', '1d', Array.from({ length: 2500 }, (_, i) => bar(i)));
    const first = await call(store, 'md.bars', { symbol: 'SPY', timeframe: '1d' });
    expect(first.time).toHaveLength(2000); // the default limit
    expect(first.time[0]).toBe(bar(500).time);
    expect(first.time.at(-1)).toBe(bar(2499).time);
    expect(first.hasMore).toBe(true);
    const second = await call(store, 'md.bars', { symbol: 'SPY', timeframe: '1d', before: first.time[0], limit: 2000 });
    expect(second.time).toHaveLength(500);
    expect(second.time.at(-1)).toBe(bar(499).time);
    expect(second.open[0]).toBe(100);
    expect(second.hasMore).toBe(false);
    const none = await call(store, 'md.bars', { symbol: 'SPY', timeframe: '1d', before: bar(0).time });
    expect(none).toMatchObject({ time: [], hasMore: false });
    const exact = await call(store, 'md.bars', { symbol: 'SPY', timeframe: '1d', before: bar(10).time, limit: 10 });
    expect(exact.hasMore).toBe(false);
    expect(exact.time).toHaveLength(10);
  });

  it('finds instruments by symbol prefix first, then by name, active ones first', async () => {
    const { store } = await barStore();
    store.upsertInstruments([
      instrument('SPY', 'SPDR S&P 500 ETF'),
      instrument('SPYG', 'SPDR Portfolio S&P 500 Growth'),
      instrument('SPX_OLD', 'Delisted thing', false),
      instrument('SPXL', 'Direxion Daily S&P 500 Bull 3X'),
      instrument('VOO', 'Vanguard S&P 500 ETF'),
      instrument('QQQ', 'Invesco QQQ Trust'),
    ]);
    const symbols = async (query: string, limit?: number) =>
      (await call(store, 'md.instruments.search', limit === undefined ? { query } : { query, limit })).map((i) => i.symbol);
    expect(await symbols('sp')).toEqual(['SPY', 'SPXL', 'SPYG', 'SPX_OLD']);
    expect(await symbols('S&P 500')).toEqual(['SPY', 'VOO', 'SPXL', 'SPYG']);
    expect(await symbols('spy', 1)).toEqual(['SPY']);
    // % and _ are literal: as wildcards 'SPX_' would match SPXL and 'X_O' "DireXIOn".
    expect(await symbols('%')).toEqual([]);
    expect(await symbols('SPX_')).toEqual(['SPX_OLD']);
    expect(await symbols('X_O')).toEqual([]);
    expect(store.getInstrument('QQQ')).toEqual(instrument('QQQ', 'Invesco QQQ Trust'));
    store.upsertInstruments([{ ...instrument('QQQ', 'Renamed'), active: false, tickSize: '0.0001' }]);
    expect(store.getInstrument('QQQ')).toMatchObject({ name: 'Renamed', active: false, tickSize: '0.0001' });
    expect(store.getInstrument('NOPE')).toBeNull();
  });
});

describe('a 500,000-bar series', () => {
  it('reads back whole, in order, with the right first and last values', async () => {
    const { store } = await barStore();
    const n = 500_000;
    const minute = 60_000;
    const start = Date.UTC(2020, 0, 2, 14, 30);
    const make = (i: number): Bar => {
      const open = Math.round((300 + 20 * Math.sin(i / 500)) * 100) / 100;
      return { time: start + i * minute, open, high: open + 0.37, low: open - 0.21, close: open + 0.05, volume: i % 1000, vwap: null, trades: null };
    };
    const bars = Array.from({ length: n }, (_, i) => make(i));
    expect(store.upsertBars('SPY', '1m', bars)).toBe(n);
    store.upsertBars('QQQ', '1m', bars.slice(0, 1000)); // a neighbour in the same index

    const begun = performance.now();
    const read = store.readBars({ symbol: 'SPY', timeframe: '1m' });
    const ms = performance.now() - begun;
    expect(read.length).toBe(n);
    for (const i of [0, 1, 250_000, n - 1]) {
      const want = make(i);
      expect([read.time[i], read.open[i], read.high[i], read.low[i], read.close[i], read.volume[i]]).toEqual([want.time, want.open, want.high, want.low, want.close, want.volume]);
    }
    let ordered = true;
    for (let i = 1; i < n; i += 1) if (read.time[i]! - read.time[i - 1]! !== minute) ordered = false;
    expect(ordered).toBe(true);
    const latest = store.readBars({ symbol: 'SPY', timeframe: '1m', limit: 2000, latest: true });
    expect([latest.length, latest.time[0], latest.time[1999]]).toEqual([2000, make(n - 2000).time, make(n - 1).time]);
    console.log(`500k-bar read: ${ms.toFixed(0)} ms (${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s)`);
  }, 120_000);
});

describe('kestrel import and kestrel bars', () => {
  /** The real CLI entry: each command reaches an in-process engine on a real data directory. */
  async function engineWithCli() {
    const dataDir = tempDir();
    const { store } = await barStore(dataDir);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = { out: (t: string) => stdout.push(t), err: (t: string) => stderr.push(t), env: {}, untilStopped: () => new Promise<string>(() => {}) };
    const context = { version: '0.0.0', rendererDir: '/nonexistent' };
    const run = (command: 'import' | 'bars', args: string[]) => runCli([command, ...args, '--data-dir', dataDir], io, context);
    return { store, io, stdout, stderr, dataDir, run };
  }

  it('imports files, lists bad lines, exits 1 when any file is refused, and writes 0 the second time', async () => {
    const { stdout, stderr, run } = await engineWithCli();
    const spy = sharedDataFile('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz');
    const de = sharedDataFile('daily/huge-stock-market-dataset/Stocks/de.us.txt.gz');
    expect(await run('import', [spy, de])).toBe(1);
    const text = stdout.join('\n');
    expect(text).toMatch(/spy\.us\.txt\.gz\n {2}stooq file, SPY, 1d, 3201 rows\n {2}imported: 3201 bars written/);
    expect(text).toMatch(/not imported: 4 errors, nothing written\n {4}line 3054: high 0\.9112 is below low 8\.9864/);
    stdout.length = 0;
    expect(await run('import', [spy, '--json'])).toBe(0);
    expect(JSON.parse(stdout[0]!)).toEqual([expect.objectContaining({ file: spy, result: expect.objectContaining({ committed: true, rows: 3201, written: 0 }) })]);
    expect(await run('import', [spy, '--timeframe', '2h'])).toBe(1);
    expect(stderr.join('\n')).toMatch(/--timeframe must be one of/);
  });

  it('exports a date range as CSV that imports back as the same bars', async () => {
    const { stdout, dataDir, run } = await engineWithCli();
    expect(await run('import', [sharedDataFile('daily/huge-stock-market-dataset/ETFs/spy.us.txt.gz')])).toBe(0);
    stdout.length = 0;
    expect(await run('bars', ['spy', '--timeframe', '1d', '--from', '2017-11-01', '--to', '2017-11-10', '--csv'])).toBe(0);
    const lines = stdout.join('\n').split('\n');
    expect(lines[0]).toBe('symbol,timestamp,open,high,low,close,volume');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['2017-11-01', '2017-11-02', '2017-11-03', '2017-11-06', '2017-11-07', '2017-11-08', '2017-11-09', '2017-11-10']);
    expect(lines.at(-1)).toBe('SPY,2017-11-10,257.73,258.21,257.37,258.09,59862364');
    const exported = join(dataDir, 'spy-export.csv');
    writeFileSync(exported, stdout.join('\n'));
    stdout.length = 0;
    expect(await run('import', [exported, '--json'])).toBe(0);
    expect((JSON.parse(stdout[0]!) as { result: unknown }[])[0]?.result).toMatchObject({ committed: true, rows: 8, written: 0 });
    expect(readFileSync(exported, 'utf8')).toContain('SPY,2017-11-01,');
  });

  it('pages backwards through more bars than one md.bars call returns', async () => {
    const { stdout, store, run } = await engineWithCli();
    const n = 120_000;
    store.upsertBars('BTC', '1m', Array.from({ length: n }, (_, i) => bar(i, { time: T0 + i * 60_000 })));
    expect(await run('bars', ['BTC', '--timeframe', '1m', '--json'])).toBe(0);
    const out = JSON.parse(stdout.join('')) as { count: number; bars: { time: number; open: number }[] };
    expect(out.count).toBe(n);
    expect(out.bars.every((b, i) => b.time === T0 + i * 60_000)).toBe(true);
    expect(out.bars[n - 1]?.open).toBe(bar(n - 1).open);
    stdout.length = 0;
    expect(await run('bars', ['BTC', '--timeframe', '1m', '--from', String(T0 + 60_000 * 1000), '--to', '2020-01-02T21:41:00Z'])).toBe(0);
    expect(stdout.at(-1)).toBe('2 bars');
  }, 60_000);
});
