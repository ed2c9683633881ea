import { assertPeriod, nanSeries, Ring } from './series';

/**
 * Weighted moving average, TA-Lib TA_WMA (ta_WMA.c): linear weights 1..n, newest heaviest,
 *   wma[i] = (1·x[i-n+1] + 2·x[i-n+2] + … + n·x[i]) / (n(n+1)/2), first value at index n-1.
 * TA-Lib's O(1) update, in its order: keep the weighted sum and the plain window sum; each bar
 * adds n·x[i] to the first and, after the output, subtracts the plain sum from it. Period 1
 * copies the input, as TA-Lib does.
 */
export function wma(values: Float64Array, period: number): Float64Array {
  assertPeriod('wma', period);
  const length = values.length;
  if (period === 1) return Float64Array.from(values);
  const out = nanSeries(length);
  if (length < period) return out;
  const divider = (period * (period + 1)) / 2;
  let weighted = 0;
  let plain = 0;
  for (let i = 0; i < period - 1; i += 1) {
    plain += values[i]!;
    weighted += values[i]! * (i + 1);
  }
  let trailingValue = 0;
  for (let i = period - 1, trailing = 0; i < length; i += 1, trailing += 1) {
    const value = values[i]!;
    plain += value;
    plain -= trailingValue;
    weighted += value * period;
    trailingValue = values[trailing]!;
    out[i] = weighted / divider;
    weighted -= plain;
  }
  return out;
}

/** One value per bar; reproduces `wma` exactly. */
export class WmaStream {
  private readonly window: Ring;
  private readonly divider: number;
  private count = 0;
  private weighted = 0;
  private plain = 0;
  private trailingValue = 0;

  constructor(readonly period: number) {
    assertPeriod('wma', period);
    this.window = new Ring(period);
    this.divider = (period * (period + 1)) / 2;
  }

  update(value: number): number {
    if (this.period === 1) return value;
    this.count += 1;
    this.window.push(value);
    if (this.count < this.period) {
      this.plain += value;
      this.weighted += value * this.count;
      return Number.NaN;
    }
    this.plain += value;
    this.plain -= this.trailingValue;
    this.weighted += value * this.period;
    this.trailingValue = this.window.oldest;
    const out = this.weighted / this.divider;
    this.weighted -= this.plain;
    return out;
  }
}
