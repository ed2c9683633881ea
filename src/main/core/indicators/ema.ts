import { assertPeriod, nanSeries } from './series';

/** TA-Lib's PER_TO_K: the smoothing factor of an n-period EMA. */
export function emaFactor(period: number): number {
  return 2 / (period + 1);
}

/**
 * Exponential moving average, TA-Lib TA_EMA in its default compatibility (ta_EMA.c, INT_EMA):
 *   k = 2 / (n + 1); ema[n-1] = mean(x[0..n-1]); ema[i] = (x[i] - ema[i-1]) * k + ema[i-1].
 * First value at index n-1 (lookback n-1, unstable period 0). The value at any bar depends on
 * where the series starts (the SMA seed), with a weight that decays as (1-k)^bars.
 */
export function ema(values: Float64Array, period: number): Float64Array {
  assertPeriod('ema', period);
  const out = nanSeries(values.length);
  emaInto(values, period, emaFactor(period), 0, out);
  return out;
}

/**
 * INT_EMA from `seedStart`: seeds with the mean of values[seedStart .. seedStart+n-1], writes
 * out[seedStart+n-1 ..]. MACD uses it to start its fast EMA late, as TA-Lib does.
 */
export function emaInto(values: Float64Array, period: number, k: number, seedStart: number, out: Float64Array): void {
  const first = seedStart + period - 1;
  if (first >= values.length) return;
  let sum = 0;
  for (let i = seedStart; i <= first; i += 1) sum += values[i]!;
  let prev = sum / period;
  out[first] = prev;
  for (let i = first + 1; i < values.length; i += 1) {
    prev = (values[i]! - prev) * k + prev;
    out[i] = prev;
  }
}

/**
 * The same EMA one value at a time. `skip` values are ignored before seeding starts, which is
 * how MACD's fast EMA lines up with its slow one.
 */
export class EmaStream {
  private readonly k: number;
  private seen = 0;
  private sum = 0;
  private prev = Number.NaN;

  constructor(
    readonly period: number,
    private readonly skip = 0,
  ) {
    assertPeriod('ema', period);
    this.k = emaFactor(period);
  }

  update(value: number): number {
    const index = this.seen;
    this.seen += 1;
    const seeded = this.skip + this.period - 1;
    if (index > seeded) {
      this.prev = (value - this.prev) * this.k + this.prev;
      return this.prev;
    }
    if (index < this.skip) return Number.NaN;
    this.sum += value;
    if (index < seeded) return Number.NaN;
    this.prev = this.sum / this.period;
    return this.prev;
  }
}
