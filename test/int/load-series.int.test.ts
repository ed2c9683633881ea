import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BacktestRequest } from '@shared/dto/backtest';
import type { Bar } from '../../src/main/core/market-data/types';
import { loadSeries } from '../../src/main/node/backtest/load-series';
import { openSqliteStore, type SqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { tempDir } from '../support/temp-dir';

const open: SqliteStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

describe('loadSeries', () => {
  it('reads a long range in slices, yielding between them, and gets exactly the stored bars', async () => {
    const db = openSqliteStore(join(tempDir(), 'kestrel.db'));
    open.push(db);
    await migrateToLatest(db.db);
    const store = new SqliteBarStore(db.sqlite);
    const t0 = Date.UTC(2024, 0, 2);
    const bars: Bar[] = Array.from({ length: 70_001 }, (_, i) => ({ time: t0 + i * 60_000, open: 100 + i / 100, high: 101 + i / 100, low: 99, close: 100.5, volume: i, vwap: null, trades: null }));
    store.upsertBars('X', '1m', bars);
    let turns = 0;
    const counting = setInterval(() => (turns += 1), 0);
    const request = BacktestRequest.parse({ strategy: 'buy-and-hold', symbols: ['X'], timeframe: '1m', from: t0 + 10 * 60_000 });
    const { series, warmupBars } = await loadSeries(store, request, 5);
    clearInterval(counting);
    const whole = store.readBars({ symbol: 'X', timeframe: '1m', from: t0 + 5 * 60_000 });
    expect(warmupBars).toBe(5);
    expect(series[0]!.time).toEqual(whole.time);
    expect(series[0]!.open).toEqual(whole.open);
    expect(series[0]!.volume).toEqual(whole.volume);
    expect(turns).toBeGreaterThan(0); // other work ran while it read
  });
});
