import { describe, expect, it } from 'vitest';
import { bollinger } from './bollinger';
import { sma } from './sma';
import { utcDaySessions, vwap } from './vwap';

const f64 = (...values: number[]): Float64Array => Float64Array.from(values);

/** Population σ of values[i-n+1 .. i], two passes: the textbook definition. */
function sigmaAt(values: Float64Array, n: number, i: number): number {
  const window = Array.from(values.subarray(i - n + 1, i + 1));
  const mean = window.reduce((a, b) => a + b, 0) / n;
  return Math.sqrt(window.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
}

describe('Bollinger Bands', () => {
  it('puts the bands k population standard deviations around the SMA', () => {
    const bands = bollinger(f64(1, 2, 3, 4), 4, 2);
    expect(bands.middle[3]).toBe(2.5);
    expect(bands.upper[3]).toBeCloseTo(2.5 + 2 * Math.sqrt(1.25), 12);
    expect(bands.lower[3]).toBeCloseTo(2.5 - 2 * Math.sqrt(1.25), 12);
    expect(Number.isNaN(bands.upper[2]!)).toBe(true);
  });

  it('has a middle band identical to sma()', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => 100 + Math.sin(i / 7) * 3 + i / 50);
    expect(bollinger(x, 20, 2).middle).toEqual(sma(x, 20));
  });

  it('collapses to the middle band exactly on a flat window, even after a move', () => {
    const x = f64(...Array<number>(30).fill(100), ...Array<number>(25).fill(137.13));
    const bands = bollinger(x, 20, 2);
    for (const i of [29, 54]) {
      expect(bands.upper[i]).toBe(bands.middle[i]);
      expect(bands.lower[i]).toBe(bands.middle[i]);
    }
  });

  it('keeps σ precise on FX-scale moves, where TA-Lib 0.4 zeroes it', () => {
    // EURUSD-like one-minute closes: σ ≈ 2e-5, σ² ≈ 4e-10 < TA-Lib's 1e-8 epsilon.
    const x = Float64Array.from({ length: 400 }, (_, i) => 1.0850 + 0.00003 * Math.sin(i * 0.7) + 0.00001 * Math.cos(i * 2.3));
    const bands = bollinger(x, 20, 2);
    for (const i of [19, 20, 57, 250, 399]) {
      const sigma = (bands.upper[i]! - bands.middle[i]!) / 2;
      expect(sigma).toBeGreaterThan(0);
      expect(Math.abs(sigma - sigmaAt(x, 20, i)) / sigmaAt(x, 20, i)).toBeLessThan(1e-6);
    }
  });

  it('matches the two-pass σ over a long trending series', () => {
    const x = Float64Array.from({ length: 5000 }, (_, i) => 50 + i * 0.37 + Math.sin(i / 5) * 4);
    const bands = bollinger(x, 30, 1.5);
    for (let i = 29; i < x.length; i += 97) {
      expect(Math.abs((bands.upper[i]! - bands.middle[i]!) / 1.5 - sigmaAt(x, 30, i))).toBeLessThan(1e-9);
    }
  });
});

describe('VWAP', () => {
  const high = f64(11, 12, 13, 21, 22);
  const low = f64(9, 10, 11, 19, 20);
  const close = f64(10, 11, 12, 20, 21);
  const volume = f64(100, 300, 0, 50, 150);

  it('is the volume-weighted typical price since the series began without sessions', () => {
    const out = vwap(high, low, close, volume);
    expect(out[0]).toBe(10);
    expect(out[1]).toBeCloseTo((10 * 100 + 11 * 300) / 400, 12);
    expect(out[2]).toBeCloseTo((10 * 100 + 11 * 300) / 400, 12);
    expect(out[4]).toBeCloseTo((10 * 100 + 11 * 300 + 20 * 50 + 21 * 150) / 600, 12);
  });

  it('restarts at each session, given session ids or a predicate', () => {
    const byId = vwap(high, low, close, volume, [7, 7, 7, 8, 8]);
    const byPredicate = vwap(high, low, close, volume, (i) => i === 3);
    expect(byId[3]).toBe(20);
    expect(byId[4]).toBeCloseTo((20 * 50 + 21 * 150) / 200, 12);
    expect(byPredicate).toEqual(byId);
  });

  it('is NaN until the session has traded', () => {
    const out = vwap(high, low, close, f64(0, 0, 10, 0, 5), [1, 2, 2, 3, 3]);
    expect(Number.isNaN(out[0]!)).toBe(true);
    expect(Number.isNaN(out[1]!)).toBe(true);
    expect(out[2]).toBe(12);
    expect(Number.isNaN(out[3]!)).toBe(true);
    expect(out[4]).toBe(21);
  });

  it('groups bars into UTC days', () => {
    const day = 86_400_000;
    const ids = utcDaySessions(f64(day * 3 + 1, day * 4 - 1, day * 4, day * 4 + 5));
    expect(Array.from(ids)).toEqual([3, 3, 4, 4]);
  });
});
