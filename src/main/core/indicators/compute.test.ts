import { describe, expect, it } from 'vitest';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { BarColumns } from '../market-data/types';
import { computeIndicator, resolveSpec } from './compute';
import { macd } from './macd';
import { rsi } from './rsi';
import { sma } from './sma';
import { vwap } from './vwap';
import { warmupBars } from './warm-up';

const DAY = 86_400_000;

function columns(length: number, step = 60_000): BarColumns {
  const close = Float64Array.from({ length }, (_, i) => 100 + Math.sin(i / 9) * 5 + i * 0.01);
  return {
    length,
    time: Float64Array.from({ length }, (_, i) => 10 * DAY + i * step),
    open: close.map((c) => c - 0.1),
    high: close.map((c) => c + 0.5),
    low: close.map((c) => c - 0.5),
    close,
    volume: Float64Array.from({ length }, (_, i) => 1000 + (i % 7) * 100),
  };
}

const spec = (kind: IndicatorSpec['kind'], extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({ id: kind, kind, ...extra });

describe('computeIndicator', () => {
  const bars = columns(300);

  it('names the lines as the chart expects', () => {
    const names = (s: IndicatorSpec) => computeIndicator(s, bars).map((line) => line.name);
    expect(names(spec('sma'))).toEqual(['sma']);
    expect(names(spec('vwap'))).toEqual(['vwap']);
    expect(names(spec('bollinger'))).toEqual(['upper', 'middle', 'lower']);
    expect(names(spec('macd'))).toEqual(['macd', 'signal', 'histogram']);
    expect(names(spec('stochastic'))).toEqual(['k', 'd']);
  });

  it('returns null during warm-up and the batch values after it', () => {
    const [line] = computeIndicator(spec('sma', { period: 5 }), bars);
    expect(line!.values.slice(0, 5)).toEqual([null, null, null, null, sma(bars.close, 5)[4]]);
    expect(line!.values).toHaveLength(300);
  });

  it('fills in the defaults listed in the DTO', () => {
    expect(resolveSpec(spec('rsi')).period).toBe(14);
    expect(resolveSpec(spec('atr')).period).toBe(14);
    expect(resolveSpec(spec('ema')).period).toBe(20);
    const [rsiLine] = computeIndicator(spec('rsi'), bars);
    expect(rsiLine!.values.findIndex((v) => v !== null)).toBe(14);
    expect(rsiLine!.values[100]).toBe(rsi(bars.close, 14)[100]);
    const lines = computeIndicator(spec('macd'), bars);
    expect(lines[1]!.values[40]).toBe(macd(bars.close, 12, 26, 9).signal[40]);
    const [k] = computeIndicator(spec('stochastic'), bars);
    expect(k!.values.findIndex((v) => v !== null)).toBe(17);
  });

  it('passes parameters through', () => {
    const [upper, middle] = computeIndicator(spec('bollinger', { period: 10, stdDev: 1 }), bars);
    expect(middle!.values.findIndex((v) => v !== null)).toBe(9);
    expect(upper!.values[50]! - middle!.values[50]!).toBeGreaterThan(0);
  });

  it('anchors VWAP to UTC days by default', () => {
    const hourly = columns(60, 3_600_000);
    const [line] = computeIndicator(spec('vwap'), hourly);
    const daily = vwap(hourly.high, hourly.low, hourly.close, hourly.volume, (i) => i % 24 === 0);
    expect(line!.values).toEqual(Array.from(daily));
  });
});

describe('warmupBars', () => {
  it('is the exact lookback for windowed indicators', () => {
    expect(warmupBars(spec('sma', { period: 50 }), '1d')).toBe(49);
    expect(warmupBars(spec('bollinger'), '1d')).toBe(19);
    expect(warmupBars(spec('stochastic'), '1d')).toBe(17);
  });

  it('adds 14 time constants for exponential smoothing', () => {
    expect(warmupBars(spec('ema', { period: 20 }), '1d')).toBe(19 + 147);
    expect(warmupBars(spec('rsi'), '1d')).toBe(14 + 14 * 14);
    expect(warmupBars(spec('macd'), '1d')).toBe(33 + 189);
  });

  it('reaches back one UTC day for VWAP and not at all for OBV', () => {
    expect(warmupBars(spec('vwap'), '1m')).toBe(1439);
    expect(warmupBars(spec('vwap'), '1d')).toBe(0);
    expect(warmupBars(spec('obv'), '1m')).toBe(0);
  });
});
