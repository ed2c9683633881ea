import { describe, expect, it } from 'vitest';
import { IndicatorKind, IndicatorSpec } from '@shared/dto/indicators';
import { INDICATORS, MAX_INDICATORS, indicatorLabel, isOverlay, newIndicator, sameIndicators } from './indicator-catalog';

describe('indicator catalog', () => {
  it('offers every kind the engine computes', () => {
    expect(INDICATORS.map((info) => info.kind).sort()).toEqual([...IndicatorKind.options].sort());
  });

  it('puts moving averages, Bollinger and VWAP on the price pane and the rest below', () => {
    expect(['sma', 'ema', 'bollinger', 'vwap'].every((kind) => isOverlay(kind as IndicatorKind))).toBe(true);
    expect(['rsi', 'macd', 'stochastic', 'atr', 'obv'].some((kind) => isOverlay(kind as IndicatorKind))).toBe(false);
  });

  it('labels an indicator with its parameters', () => {
    expect(indicatorLabel({ id: 'a', kind: 'sma', period: 50 })).toBe('SMA 50');
    expect(indicatorLabel({ id: 'b', kind: 'bollinger' })).toBe('BB 20 2');
    expect(indicatorLabel({ id: 'c', kind: 'macd', fast: 8 })).toBe('MACD 8 26 9');
    expect(indicatorLabel({ id: 'd', kind: 'vwap' })).toBe('VWAP');
  });
});

describe('newIndicator', () => {
  it('makes a valid spec with a fresh id', () => {
    const first = newIndicator('rsi', []);
    expect(first).toEqual({ id: 'rsi-1', kind: 'rsi', period: 14 });
    expect(IndicatorSpec.safeParse(first).success).toBe(true);
    expect(newIndicator('rsi', [first!])?.id).toBe('rsi-2');
  });

  it('steps moving-average periods along the ladder', () => {
    const a = newIndicator('sma', [])!;
    const b = newIndicator('sma', [a])!;
    const c = newIndicator('sma', [a, b])!;
    expect([a.period, b.period, c.period]).toEqual([20, 50, 100]);
  });

  it('refuses a ninth indicator', () => {
    const full: IndicatorSpec[] = [];
    for (let i = 0; i < MAX_INDICATORS; i += 1) full.push(newIndicator('ema', full)!);
    expect(newIndicator('obv', full)).toBeNull();
  });

  it('compares lists by content', () => {
    expect(sameIndicators([{ id: 'a', kind: 'sma', period: 20 }], [{ id: 'a', kind: 'sma', period: 20 }])).toBe(true);
    expect(sameIndicators([{ id: 'a', kind: 'sma', period: 20 }], [{ id: 'a', kind: 'sma', period: 50 }])).toBe(false);
  });
});
