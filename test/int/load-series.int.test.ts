import { describe, expect, it } from 'vitest';
import { BacktestRequest } from '@shared/dto/backtest';
import type { Bar } from '../../src/main/core/market-data/types';
import { loadSeries } from '../../src/main/node/backtest/load-series';
import { testBarStore } from '../support/bar-store';

describe('loadSeries', () => {
  it('reads a long range in slices, yielding between them, and gets exactly the stored bars', async () => {
    const store = await testBarStore();
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
