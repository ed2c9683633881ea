import { assertPeriod, nanSeries, Ring } from './series';

/**
 * Simple moving average, TA-Lib TA_SMA (ta_SMA.c, INT_SMA):
 *   sma[i] = (x[i-n+1] + … + x[i]) / n, first value at index n-1 (lookback n-1).
 * Like TA-Lib it keeps one running sum (add the newest, divide, subtract the oldest) in the
 * same order of operations, so rounding follows TA-Lib's too.
 */
export function sma(values: Float64Array, period: number): Float64Array {
  assertPeriod('sma', period);
  const length = values.length;
  const out = nanSeries(length);
  if (length < period) return out;
  let total = 0;
  for (let i = 0; i < period - 1; i += 1) total += values[i]!;
  for (let i = period - 1, trailing = 0; i < length; i += 1, trailing += 1) {
    total += values[i]!;
    out[i] = total / period;
    total -= values[trailing]!;
  }
  return out;
}

/** One value per bar; the same arithmetic as `sma`, so it reproduces it exactly. */
export class SmaStream {
  private readonly window: Ring;
  private count = 0;
  private total = 0;

  constructor(readonly period: number) {
    assertPeriod('sma', period);
    this.window = new Ring(period);
  }

  update(value: number): number {
    this.window.push(value);
    this.total += value;
    this.count += 1;
    if (this.count < this.period) return Number.NaN;
    const out = this.total / this.period;
    this.total -= this.window.oldest;
    return out;
  }
}
