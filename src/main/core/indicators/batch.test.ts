import { describe, expect, it } from 'vitest';
import { atr, trueRange } from './atr';
import { ema } from './ema';
import { macd } from './macd';
import { obv } from './obv';
import { rsi } from './rsi';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { wma } from './wma';

const f64 = (...values: number[]): Float64Array => Float64Array.from(values);
const list = (values: Float64Array): number[] => Array.from(values);

describe('moving averages', () => {
  it('SMA averages the last n values and is NaN for the first n-1', () => {
    expect(list(sma(f64(1, 2, 3, 4, 5), 3))).toEqual([NaN, NaN, 2, 3, 4]);
  });

  it('EMA seeds with the SMA of the first n values, then smooths with k = 2/(n+1)', () => {
    // k = 0.5: seed mean(2,4,6) = 4; (8-4)/2+4 = 6; (12-6)/2+6 = 9
    expect(list(ema(f64(2, 4, 6, 8, 12), 3))).toEqual([NaN, NaN, 4, 6, 9]);
  });

  it('WMA weighs the newest value n times the oldest', () => {
    expect(list(wma(f64(1, 2, 3, 4), 3))).toEqual([NaN, NaN, 14 / 6, 20 / 6]);
  });

  it('period 1 returns the input itself', () => {
    const x = f64(3, 1, 4, 1, 5);
    for (const average of [sma, ema, wma]) expect(list(average(x, 1))).toEqual(list(x));
  });

  it('gives only NaN when the series is shorter than the period', () => {
    for (const average of [sma, ema, wma]) expect(list(average(f64(1, 2), 3))).toEqual([NaN, NaN]);
  });

  it('refuses a period that is not a positive integer', () => {
    expect(() => sma(f64(1, 2, 3), 0)).toThrow(RangeError);
    expect(() => ema(f64(1, 2, 3), 2.5)).toThrow(RangeError);
  });
});

describe('RSI (Wilder)', () => {
  it('averages gains and losses over the first n changes, then smooths by (n-1)/n', () => {
    // changes +1 -1 +1 +1; n = 2: 0.5/0.5 → 50; 0.75/0.25 → 75; 0.875/0.125 → 87.5
    expect(list(rsi(f64(1, 2, 1, 2, 3), 2))).toEqual([NaN, NaN, 50, 75, 87.5]);
  });

  it('is 100 after only gains and 0 on a flat series, as TA-Lib', () => {
    expect(rsi(f64(1, 2, 3, 4), 3)[3]).toBe(100);
    expect(list(rsi(f64(5, 5, 5, 5), 2))).toEqual([NaN, NaN, 0, 0]);
  });

  it('keeps its precision on prices far below 1e-4', () => {
    const scaled = rsi(f64(1, 2, 1, 2, 3).map((x) => x * 1e-9), 2);
    expect(scaled[4]).toBeCloseTo(87.5, 9);
  });
});

describe('MACD', () => {
  it('starts all three lines at (slow-1)+(signal-1)', () => {
    const x = Float64Array.from({ length: 40 }, (_, i) => 100 + Math.sin(i / 3) * 5);
    const lines = macd(x, 3, 5, 4);
    expect(lines.macd.findIndex((v) => !Number.isNaN(v))).toBe(7);
    expect(lines.signal.findIndex((v) => !Number.isNaN(v))).toBe(7);
    expect(lines.histogram[20]).toBeCloseTo(lines.macd[20]! - lines.signal[20]!, 12);
  });

  it('seeds the fast EMA so it lines up with the slow one at slow-1', () => {
    const x = f64(1, 2, 4, 8, 16, 32);
    // fast 2 seeds at index 2 with mean(x[1], x[2]) = 3, slow 3 with mean(1, 2, 4) = 7/3
    const lines = macd(x, 2, 3, 1);
    expect(lines.macd[2]).toBeCloseTo(3 - 7 / 3, 12);
    expect(lines.signal[2]).toBeCloseTo(3 - 7 / 3, 12);
    expect(lines.histogram[2]).toBe(0);
  });

  it('is the same with fast and slow swapped', () => {
    const x = Float64Array.from({ length: 60 }, (_, i) => 50 + i * 0.3 + Math.cos(i) * 2);
    expect(macd(x, 26, 12, 9)).toEqual(macd(x, 12, 26, 9));
  });

  it('is all NaN when the series is too short for the signal', () => {
    const lines = macd(new Float64Array(33).fill(1), 12, 26, 9);
    expect(lines.macd.every(Number.isNaN)).toBe(true);
  });
});

describe('stochastic', () => {
  it('places the close within the high-low range of the last k bars', () => {
    const { k, d } = stochastic(f64(2, 4, 6), f64(0, 1, 2), f64(1, 3, 5), 2, 1, 1);
    // bar 1: (3-0)/(4-0) → 75; bar 2: (5-1)/(6-1) → 80
    expect(list(k)).toEqual([NaN, 75, 80]);
    expect(list(d)).toEqual([NaN, 75, 80]);
  });

  it('smooths %K and %D with SMAs and starts both at the full lookback', () => {
    const high = f64(2, 4, 6, 5, 7);
    const low = f64(0, 1, 2, 3, 1);
    const close = f64(1, 3, 5, 4, 2);
    const fast = stochastic(high, low, close, 2, 1, 1).k;
    const { k, d } = stochastic(high, low, close, 2, 2, 2);
    expect(k[3]).toBeCloseTo((fast[2]! + fast[3]!) / 2, 12);
    expect(d[4]).toBeCloseTo(((fast[2]! + fast[3]!) / 2 + (fast[3]! + fast[4]!) / 2) / 2, 12);
    expect(Number.isNaN(k[2]!)).toBe(true);
  });

  it('is 0 when the range is empty, as TA-Lib', () => {
    const flat = f64(3, 3, 3);
    expect(stochastic(flat, flat, flat, 2, 1, 1).k[2]).toBe(0);
  });
});

describe('ATR and OBV', () => {
  it('takes the true range from the previous close', () => {
    // bar 1: max(5-4, |2-5|, |2-4|) = 3 (gap up); bar 2: max(6-1, …) = 5
    expect(list(trueRange(f64(3, 5, 6), f64(1, 4, 1), f64(2, 4.5, 3)))).toEqual([NaN, 3, 5]);
  });

  it('seeds with the mean of the first n true ranges, then smooths like Wilder', () => {
    const out = atr(f64(3, 5, 6, 6), f64(1, 4, 1, 5), f64(2, 4.5, 3, 5.5), 2);
    // tr = [-, 3, 5, 3]: atr[2] = 4; atr[3] = (4·1 + 3) / 2
    expect(list(out)).toEqual([NaN, NaN, 4, 3.5]);
  });

  it('starts OBV at the first volume and adds or subtracts on up and down closes', () => {
    expect(list(obv(f64(10, 11, 11, 9), f64(100, 200, 300, 400)))).toEqual([100, 300, 300, -100]);
  });

  it('refuses columns of different lengths', () => {
    expect(() => obv(f64(1, 2), f64(1))).toThrow(RangeError);
  });
});
