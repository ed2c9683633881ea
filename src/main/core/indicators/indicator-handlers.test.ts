import { describe, expect, it } from 'vitest';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { Timeframe } from '@shared/dto/market-data';
import type { Bar, BarColumns } from '../market-data/types';
import type { BarRange, BarStore } from '../ports/bar-store';
import { ema } from './ema';
import { indicatorHandlers } from './indicator-handlers';
import { obv } from './obv';
import { sma } from './sma';
import { warmupBars } from './warm-up';

/** BarStore over an array, following the port's contract; records every range it is asked for. */
class MemoryBarStore implements BarStore {
  readonly reads: BarRange[] = [];

  constructor(private readonly bars: Bar[]) {}

  upsertBars(): number {
    throw new Error('read-only');
  }

  readBars(range: BarRange): BarColumns {
    this.reads.push(range);
    let rows = this.bars.filter((b) => (range.from === undefined || b.time >= range.from) && (range.to === undefined || b.time <= range.to));
    if (range.limit !== undefined) rows = range.latest ? rows.slice(-range.limit) : rows.slice(0, range.limit);
    const column = (pick: (b: Bar) => number) => Float64Array.from(rows, pick);
    return {
      length: rows.length,
      time: column((b) => b.time),
      open: column((b) => b.open),
      high: column((b) => b.high),
      low: column((b) => b.low),
      close: column((b) => b.close),
      volume: column((b) => b.volume),
    };
  }

  extent(): { first: number; last: number; count: number } | null {
    const last = this.bars.at(-1);
    return last ? { first: this.bars[0]!.time, last: last.time, count: this.bars.length } : null;
  }
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = 20_000 * DAY + 13 * 3_600_000; // 13:00 UTC

/** 5000 one-minute bars over four UTC days. */
const BARS: Bar[] = Array.from({ length: 5000 }, (_, i) => {
  const close = 100 + Math.sin(i / 40) * 8 + Math.cos(i / 7);
  return { time: T0 + i * MINUTE, open: close, high: close + 0.4, low: close - 0.3, close, volume: 500 + ((i * 37) % 400), vwap: null, trades: null };
});
const CLOSE = Float64Array.from(BARS, (b) => b.close);

const timeframe: Timeframe = '1m';
const spec = (kind: IndicatorSpec['kind'], extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({ id: `${kind}1`, kind, ...extra });

function request(indicators: IndicatorSpec[], options: { before?: number; limit?: number } = {}) {
  const store = new MemoryBarStore(BARS);
  const handler = indicatorHandlers(store)['md.indicators'];
  const result = handler({ symbol: 'SIM:SPY', timeframe, indicators, ...options });
  if (result instanceof Promise) throw new Error('the handler is synchronous');
  return { result, store };
}

const valuesOf = (result: ReturnType<typeof request>['result'], n = 0, line = 0) => result.series[n]!.lines[line]!.values;

describe('md.indicators', () => {
  it('aligns with the latest `limit` bars before `before`, as md.bars returns them', () => {
    const before = BARS[4000]!.time;
    const { result } = request([spec('sma')], { before, limit: 300 });
    expect(result.time).toEqual(BARS.slice(3700, 4000).map((b) => b.time));
    expect(valuesOf(result)).toHaveLength(300);
    expect(result.series[0]).toMatchObject({ id: 'sma1', kind: 'sma' });
  });

  it('defaults to the latest 2000 bars', () => {
    const { result } = request([spec('sma')]);
    expect(result.time).toEqual(BARS.slice(3000).map((b) => b.time));
  });

  it('reads the warm-up in the same query and fills the first bars', () => {
    const { result, store } = request([spec('sma', { period: 50 }), spec('ema', { period: 30 })], { limit: 100 });
    expect(store.reads).toEqual([{ symbol: 'SIM:SPY', timeframe, to: undefined, limit: 100 + warmupBars(spec('ema', { period: 30 }), timeframe), latest: true }]);
    // Running sums started at different bars differ in the last bit, as in TA-Lib.
    expect(valuesOf(result, 0)[0]).toBeCloseTo(sma(CLOSE, 50)[4900]!, 10);
    // The EMA over the whole history and over its warm-up agree to the promised 1e-6 of scale.
    expect(Math.abs(valuesOf(result, 1)[0]! - ema(CLOSE, 30)[4900]!)).toBeLessThan(1e-6 * 10);
  });

  it('gives EMA values that do not depend on how many bars were asked for', () => {
    const before = BARS[4500]!.time;
    const wide = valuesOf(request([spec('ema', { period: 100 })], { before, limit: 1000 }).result);
    const narrow = valuesOf(request([spec('ema', { period: 100 })], { before, limit: 10 }).result);
    for (let i = 0; i < 10; i += 1) expect(Math.abs(narrow[i]! - wide[990 + i]!)).toBeLessThan(1e-6 * 10);
  });

  it('computes each indicator from its own warm-up only', () => {
    const alone = request([spec('obv')], { limit: 50 }).result;
    const together = request([spec('rsi', { period: 100 }), spec('obv')], { limit: 50 }).result;
    expect(valuesOf(together, 1)).toEqual(valuesOf(alone, 0));
    const volume = Float64Array.from(BARS.slice(-50), (b) => b.volume);
    expect(valuesOf(alone, 0)).toEqual(Array.from(obv(CLOSE.slice(-50), volume)));
  });

  it('anchors VWAP at the UTC day even when it starts before the first bar returned', () => {
    const firstOfDay3 = BARS.findIndex((b) => b.time >= 20_003 * DAY);
    const before = BARS[firstOfDay3 + 200]!.time;
    const { result } = request([spec('vwap')], { before, limit: 100 });
    const sessionBars = BARS.slice(firstOfDay3, firstOfDay3 + 101);
    const typical = (b: Bar) => (b.high + b.low + b.close) / 3;
    const expected = sessionBars.reduce((s, b) => s + typical(b) * b.volume, 0) / sessionBars.reduce((s, b) => s + b.volume, 0);
    expect(valuesOf(result)[0]).toBeCloseTo(expected, 9);
  });

  it('returns nulls where even the whole history is too short', () => {
    const { result } = request([spec('sma', { period: 20 })], { before: BARS[30]!.time, limit: 30 });
    const values = valuesOf(result);
    expect(values.slice(0, 19).every((v) => v === null)).toBe(true);
    expect(values[19]).toBe(sma(CLOSE, 20)[19]);
  });

  it('answers an empty series for a symbol with no bars', () => {
    const store = new MemoryBarStore([]);
    const result = indicatorHandlers(store)['md.indicators']({ symbol: 'NONE', timeframe, indicators: [spec('macd')] });
    expect(result).toEqual({ time: [], series: [{ id: 'macd1', kind: 'macd', lines: ['macd', 'signal', 'histogram'].map((name) => ({ name, values: [] })) }] });
  });
});
