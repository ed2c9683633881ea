// Bar store figures on a real SQLite file opened as the engine opens it (WAL, synchronous=FULL):
// bulk upsert, a 500k-bar range read through SqliteBarStore against raw better-sqlite3, and the
// CSV import of the 118-symbol, 455k-row daily file from the shared data set.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Bench, BenchRow } from './bench-row';
import type { Bar } from '../src/main/core/market-data/types';
import { openSqliteStore } from '../src/main/node/store/database';
import { migrateToLatest } from '../src/main/node/store/migrate';
import { SqliteBarStore } from '../src/main/node/store/sqlite-bar-store';
import { importHandlers } from '../src/main/node/import/import-handlers';
import { SHARED_DATA } from '../test/support/shared-data';

const BARS = 500_000;
const RUNS = 5;
const IMPORT_FILE = join(SHARED_DATA, 'clean/daily_huge_stock_market_dataset.csv.gz');

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

function minuteBars(n: number): Bar[] {
  const start = Date.UTC(2020, 0, 2, 14, 30);
  return Array.from({ length: n }, (_, i) => {
    const open = Math.round((300 + 20 * Math.sin(i / 500)) * 100) / 100;
    return { time: start + i * 60_000, open, high: open + 0.37, low: open - 0.21, close: open + 0.05, volume: 100 + (i % 1000), vwap: null, trades: null };
  });
}

/** Median of `runs` timings (ms) of `run`, after one warm-up. */
function median(runs: number, run: () => void): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

export const storeBench: Bench = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kestrel-store-bench-'));
  const db = openSqliteStore(join(dir, 'kestrel.db'));
  const rows: BenchRow[] = [];
  try {
    await migrateToLatest(db.db);
    const store = new SqliteBarStore(db.sqlite);
    const bars = minuteBars(BARS);
    let start = performance.now();
    store.upsertBars('SPY', '1m', bars);
    const insertMs = performance.now() - start;
    start = performance.now();
    const unchanged = store.upsertBars('SPY', '1m', bars);
    const reupsertMs = performance.now() - start;
    store.upsertBars('QQQ', '1m', bars.slice(0, 50_000)); // a neighbouring series in the same index
    rows.push({ name: 'upsert 500k new bars (one transaction)', value: `${insertMs.toFixed(0)} ms, ${perSecond(BARS, insertMs)}` });
    rows.push({ name: 'upsert the same 500k again', value: `${reupsertMs.toFixed(0)} ms, ${unchanged} written` });

    const raw = db.sqlite.prepare('select * from bars where symbol = ? and timeframe = ? order by time');
    let rawCount = 0;
    let storeCount = 0;
    const rawMs = median(RUNS, () => {
      rawCount = raw.all('SPY', '1m').length;
    });
    const storeMs = median(RUNS, () => {
      storeCount = store.readBars({ symbol: 'SPY', timeframe: '1m' }).length;
    });
    const latestMs = median(RUNS, () => store.readBars({ symbol: 'SPY', timeframe: '1m', limit: 2000, latest: true }));
    if (rawCount !== BARS || storeCount !== BARS) throw new Error(`read ${rawCount} raw / ${storeCount} store rows, expected ${BARS}`);
    const ratio = rawMs / storeMs;
    rows.push({ name: 'read 500k bars: raw better-sqlite3 .all()', value: `${rawMs.toFixed(0)} ms, ${perSecond(BARS, rawMs)}` });
    rows.push({
      name: 'read 500k bars: SqliteBarStore.readBars',
      value: `${storeMs.toFixed(0)} ms, ${perSecond(BARS, storeMs)} (${(ratio * 100).toFixed(0)}% of raw)`,
      target: '≥ 50% of raw rows/s',
      met: ratio >= 0.5,
    });
    rows.push({ name: 'read the latest 2,000 of 500k (first paint)', value: `${latestMs.toFixed(2)} ms` });

    if (existsSync(IMPORT_FILE)) {
      const handlers = importHandlers({ store, dataDir: dir, clock: { now: () => Date.now() }, logger: silent, publishProgress: () => {} });
      start = performance.now();
      const result = await handlers['md.import.commit']({ source: { kind: 'path', path: IMPORT_FILE } });
      const importMs = performance.now() - start;
      rows.push({
        name: 'CSV import, 118 symbols / 455,649 daily rows (.gz)',
        value: `${(importMs / 1000).toFixed(1)} s, ${perSecond(result.rows, importMs)}, ${result.written} written, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
      });
      start = performance.now();
      const again = await handlers['md.import.commit']({ source: { kind: 'path', path: IMPORT_FILE } });
      rows.push({ name: 'the same import again', value: `${((performance.now() - start) / 1000).toFixed(1)} s, ${again.written} written` });
    } else {
      rows.push({ name: 'CSV import of the shared daily file', value: `skipped: ${IMPORT_FILE} not found` });
    }
    return rows;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
