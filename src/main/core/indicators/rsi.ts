import { assertPeriod, nanSeries } from './series';

/**
 * Relative strength index with Wilder's smoothing, TA-Lib TA_RSI in its default compatibility
 * (ta_RSI.c, unstable period 0):
 *   d[i] = x[i] - x[i-1]; gain = max(d, 0); loss = max(-d, 0)
 *   avgGain[n] = mean(gain[1..n]), avgLoss[n] = mean(loss[1..n])
 *   avg[i] = (avg[i-1]·(n-1) + value[i]) / n                       (Wilder)
 *   rsi[i] = 100 · avgGain / (avgGain + avgLoss), or 0 when both are 0.
 * First value at index n (lookback n); period 1 is plain Wilder here (TA-Lib refuses it). TA-Lib
 * returns 0 when avgGain + avgLoss is below an absolute epsilon (1e-8 in 0.4.0, 1e-14 in current
 * upstream); we test for exactly 0 because an absolute epsilon silences the RSI of anything
 * priced below ~0.001 (small crypto, FX pip moves). On stock and ETF data the two differ only
 * after hundreds of perfectly flat bars.
 */
export function rsi(values: Float64Array, period: number): Float64Array {
  assertPeriod('rsi', period);
  const length = values.length;
  const out = nanSeries(length);
  if (length <= period) return out;
  let gain = 0;
  let loss = 0;
  let prev = values[0]!;
  for (let i = 1; i <= period; i += 1) {
    const value = values[i]!;
    const change = value - prev;
    prev = value;
    if (change < 0) loss -= change;
    else gain += change;
  }
  loss /= period;
  gain /= period;
  out[period] = rsiOf(gain, loss);
  const keep = period - 1;
  for (let i = period + 1; i < length; i += 1) {
    const value = values[i]!;
    const change = value - prev;
    prev = value;
    loss *= keep;
    gain *= keep;
    if (change < 0) loss -= change;
    else gain += change;
    loss /= period;
    gain /= period;
    out[i] = rsiOf(gain, loss);
  }
  return out;
}

function rsiOf(gain: number, loss: number): number {
  const total = gain + loss;
  return total === 0 ? 0 : 100 * (gain / total);
}

/** One value per bar; reproduces `rsi` exactly. */
export class RsiStream {
  private count = 0;
  private prev = 0;
  private gain = 0;
  private loss = 0;

  constructor(readonly period: number) {
    assertPeriod('rsi', period);
  }

  update(value: number): number {
    const index = this.count;
    this.count += 1;
    const change = value - this.prev;
    this.prev = value;
    if (index === 0) return Number.NaN;
    if (index > this.period) {
      this.loss *= this.period - 1;
      this.gain *= this.period - 1;
    }
    if (change < 0) this.loss -= change;
    else this.gain += change;
    if (index < this.period) return Number.NaN;
    this.loss /= this.period;
    this.gain /= this.period;
    return rsiOf(this.gain, this.loss);
  }
}
