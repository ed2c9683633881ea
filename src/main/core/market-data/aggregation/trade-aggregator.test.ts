import { describe, expect, it } from 'vitest';
import type { Timeframe } from '@shared/dto/market-data';
import type { Bar, Trade } from '../types';
import { TradeAggregator } from './trade-aggregator';

const utc = (iso: string): number => Date.parse(iso);
const T0 = utc('2024-03-11T14:00:00Z'); // 10:00 EDT, a Monday

function trade(time: number, price: number, size: number, conditions: number[] = [], symbol = 'AAPL'): Trade {
  return { symbol, time, timeNs: null, price, size, exchange: null, conditions, id: null };
}

interface Emitted {
  symbol: string;
  timeframe: Timeframe;
  bar: Bar;
  final: boolean;
}

function harness(timeframes: Timeframe[]) {
  const emitted: Emitted[] = [];
  const late: { trade: Trade; timeframe: Timeframe }[] = [];
  const aggregator = new TradeAggregator({
    timeframes,
    onBar: (symbol, timeframe, bar, final) => emitted.push({ symbol, timeframe, bar, final }),
    onLate: (t, timeframe) => late.push({ trade: t, timeframe }),
  });
  const finals = (timeframe: Timeframe): Bar[] => emitted.filter((e) => e.final && e.timeframe === timeframe).map((e) => e.bar);
  return { aggregator, emitted, late, finals };
}

describe('TradeAggregator', () => {
  it('builds open, high, low, close, volume, VWAP and trade count and finishes a bar when the next bucket starts', () => {
    const { aggregator, finals } = harness(['1m']);
    aggregator.add(trade(T0 + 1_000, 10, 100));
    aggregator.add(trade(T0 + 2_000, 12, 300));
    aggregator.add(trade(T0 + 3_000, 9, 100));
    aggregator.add(trade(T0 + 59_999, 11, 100));
    expect(finals('1m')).toEqual([]);
    aggregator.add(trade(T0 + 60_000, 11.5, 50));
    expect(finals('1m')).toEqual([{ time: T0, open: 10, high: 12, low: 9, close: 11, volume: 600, vwap: (1000 + 3600 + 900 + 1100) / 600, trades: 4 }]);
    expect(aggregator.openBar('AAPL', '1m')).toMatchObject({ time: T0 + 60_000, open: 11.5, volume: 50 });
  });

  it('feeds every timeframe from the same trades', () => {
    const { aggregator, finals } = harness(['1m', '5m', '1h', '1d']);
    for (let i = 0; i < 10; i += 1) aggregator.add(trade(T0 + i * 60_000, 100 + i, 10));
    aggregator.flushAll();
    expect(finals('1m')).toHaveLength(10);
    expect(finals('5m')).toEqual([
      { time: T0, open: 100, high: 104, low: 100, close: 104, volume: 50, vwap: 102, trades: 5 },
      { time: T0 + 300_000, open: 105, high: 109, low: 105, close: 109, volume: 50, vwap: 107, trades: 5 },
    ]);
    expect(finals('1h')).toEqual([{ time: T0, open: 100, high: 109, low: 100, close: 109, volume: 100, vwap: 104.5, trades: 10 }]);
    expect(finals('1d')).toEqual([{ time: utc('2024-03-11T04:00:00Z'), open: 100, high: 109, low: 100, close: 109, volume: 100, vwap: 104.5, trades: 10 }]);
  });

  it('finishes the bars of a quiet symbol on a clock tick, not before the bucket ends', () => {
    const { aggregator, finals } = harness(['1m', '5m']);
    aggregator.add(trade(T0 + 5_000, 10, 1));
    expect(aggregator.flushBefore(T0 + 59_999)).toBe(0);
    expect(aggregator.flushBefore(T0 + 60_000)).toBe(1);
    expect(finals('1m').map((b) => b.time)).toEqual([T0]);
    expect(finals('5m')).toEqual([]);
    expect(aggregator.flushBefore(T0 + 300_000)).toBe(1);
    expect(finals('5m').map((b) => b.time)).toEqual([T0]);
    expect(aggregator.flushBefore(T0 + 900_000)).toBe(0);
  });

  it('reports a trade older than the open bar as late and leaves it out', () => {
    const { aggregator, late, finals } = harness(['1m', '5m']);
    aggregator.add(trade(T0 + 61_000, 10, 1));
    aggregator.add(trade(T0 + 30_000, 99, 7)); // older than the open 1m bar, inside the open 5m bar
    expect(late.map((l) => l.timeframe)).toEqual(['1m']);
    expect(aggregator.openBar('AAPL', '1m')).toMatchObject({ high: 10, volume: 1 });
    expect(aggregator.openBar('AAPL', '5m')).toMatchObject({ open: 99, high: 99, close: 10, volume: 8 });
    aggregator.flushBefore(T0 + 300_000);
    aggregator.add(trade(T0 + 299_000, 50, 1)); // its bars were already finished
    expect(late.map((l) => l.timeframe)).toEqual(['1m', '1m', '5m']);
    expect(aggregator.stats()).toEqual({ trades: 3, late: { '1m': 2, '5m': 1 } });
    expect(finals('5m')[0]?.volume).toBe(8);
  });

  it('treats buckets before a clock tick as over for symbols it has not seen yet', () => {
    const { aggregator, late } = harness(['1m']);
    aggregator.flushBefore(T0 + 90_000);
    aggregator.add(trade(T0 + 59_999, 10, 1, [], 'MSFT'));
    aggregator.add(trade(T0 + 60_000, 10, 1, [], 'MSFT'));
    expect(late.map((l) => l.trade.time)).toEqual([T0 + 59_999]);
    expect(aggregator.openBar('MSFT', '1m')?.time).toBe(T0 + 60_000);
  });

  it('takes open and close by trade time when trades of one bar arrive out of order', () => {
    const { aggregator } = harness(['1m']);
    aggregator.add(trade(T0 + 20_000, 10, 1));
    aggregator.add(trade(T0 + 10_000, 9, 1));
    aggregator.add(trade(T0 + 15_000, 11, 1));
    expect(aggregator.openBar('AAPL', '1m')).toMatchObject({ open: 9, close: 10, high: 11, low: 9 });
  });

  it('applies sale conditions: odd lots add volume only, official closes nothing, Form T prices only intraday', () => {
    const { aggregator } = harness(['1m', '1d']);
    aggregator.add(trade(T0 + 1_000, 10, 100));
    aggregator.add(trade(T0 + 2_000, 15, 30, [37])); // odd lot
    aggregator.add(trade(T0 + 3_000, 8, 1_000_000, [15])); // official close marker
    aggregator.add(trade(T0 + 4_000, 9.5, 100, [10])); // derivatively priced: high/low, not close
    expect(aggregator.openBar('AAPL', '1m')).toEqual({ time: T0, open: 10, high: 10, low: 9.5, close: 10, volume: 230, vwap: (1000 + 450 + 950) / 230, trades: 3 });
    const evening = utc('2024-03-11T21:30:00Z'); // 17:30 EDT
    aggregator.add(trade(evening, 20, 100, [12]));
    expect(aggregator.openBar('AAPL', '1m')).toMatchObject({ open: 20, high: 20, low: 20, close: 20, volume: 100 });
    expect(aggregator.openBar('AAPL', '1d')).toMatchObject({ open: 10, high: 10, low: 9.5, close: 10, volume: 330, trades: 4 });
  });

  it('prices a bar that has only volume-only prints at the previous close', () => {
    const { aggregator, finals } = harness(['1m']);
    aggregator.add(trade(T0, 10, 100));
    aggregator.add(trade(T0 + 60_000, 12, 50, [37]));
    aggregator.flushAll();
    expect(finals('1m')[1]).toEqual({ time: T0 + 60_000, open: 10, high: 10, low: 10, close: 10, volume: 50, vwap: 12, trades: 1 });
  });

  it('ignores stock conditions for crypto, whose days are UTC days', () => {
    const { aggregator } = harness(['1d']);
    aggregator.add(trade(utc('2024-03-11T02:00:00Z'), 60_000, 0.5, [2], 'X:BTCUSD'));
    expect(aggregator.openBar('X:BTCUSD', '1d')).toMatchObject({ time: utc('2024-03-11T00:00:00Z'), open: 60_000, close: 60_000, volume: 0.5 });
  });

  it('coalesces updates: one visit per touched bar per drain, none for finished bars', () => {
    const { aggregator, emitted } = harness(['1s', '1m']);
    for (let i = 0; i < 500; i += 1) aggregator.add(trade(T0 + i, 10 + i / 1000, 1));
    expect(aggregator.drainUpdated()).toBe(2);
    expect(emitted.filter((e) => !e.final).map((e) => [e.timeframe, e.bar.trades])).toEqual([
      ['1s', 500],
      ['1m', 500],
    ]);
    expect(aggregator.drainUpdated()).toBe(0);
    aggregator.add(trade(T0 + 1_500, 11, 1));
    aggregator.flushBefore(T0 + 2_000);
    const visited: string[] = [];
    aggregator.drainUpdated((symbol, timeframe) => visited.push(`${symbol} ${timeframe}`));
    expect(visited).toEqual(['AAPL 1m']);
  });

  it('keeps symbols apart', () => {
    const { aggregator, finals } = harness(['1m']);
    aggregator.add(trade(T0, 10, 1, [], 'AAPL'));
    aggregator.add(trade(T0 + 1, 500, 2, [], 'MSFT'));
    aggregator.add(trade(T0 + 2, 11, 3, [], 'AAPL'));
    aggregator.flushAll();
    expect(finals('1m').map((b) => [b.open, b.close, b.volume])).toEqual([
      [10, 11, 4],
      [500, 500, 2],
    ]);
  });

  it('refuses an empty or repeated timeframe list', () => {
    expect(() => new TradeAggregator({ timeframes: [], onBar: () => undefined })).toThrow(RangeError);
    expect(() => new TradeAggregator({ timeframes: ['1m', '1m'], onBar: () => undefined })).toThrow(RangeError);
  });
});
