import { assertPeriod, assertSameLength, type HlcBar, nanSeries } from './series';

/**
 * True range, TA-Lib TA_TRANGE (ta_TRANGE.c): from index 1,
 *   tr[i] = max(high[i] - low[i], |close[i-1] - high[i]|, |close[i-1] - low[i]|).
 */
export function trueRange(high: Float64Array, low: Float64Array, close: Float64Array): Float64Array {
  assertSameLength('trueRange', high, low, close);
  const out = nanSeries(close.length);
  for (let i = 1; i < close.length; i += 1) out[i] = trueRangeOf(high[i]!, low[i]!, close[i - 1]!);
  return out;
}

function trueRangeOf(high: number, low: number, prevClose: number): number {
  let greatest = high - low;
  const toHigh = Math.abs(prevClose - high);
  if (toHigh > greatest) greatest = toHigh;
  const toLow = Math.abs(prevClose - low);
  if (toLow > greatest) greatest = toLow;
  return greatest;
}

/**
 * Average true range with Wilder's smoothing, TA-Lib TA_ATR (ta_ATR.c, unstable period 0):
 *   atr[n] = mean(tr[1..n]); atr[i] = (atr[i-1]·(n-1) + tr[i]) / n.
 * First value at index n (lookback n); period 1 is the true range itself (lookback 1).
 */
export function atr(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  assertPeriod('atr', period);
  if (period === 1) return trueRange(high, low, close);
  assertSameLength('atr', high, low, close);
  const length = close.length;
  const out = nanSeries(length);
  if (length <= period) return out;
  let sum = 0;
  for (let i = 1; i <= period; i += 1) sum += trueRangeOf(high[i]!, low[i]!, close[i - 1]!);
  let prev = sum / period;
  out[period] = prev;
  for (let i = period + 1; i < length; i += 1) {
    prev *= period - 1;
    prev += trueRangeOf(high[i]!, low[i]!, close[i - 1]!);
    prev /= period;
    out[i] = prev;
  }
  return out;
}

/** One bar at a time; reproduces `atr` exactly. */
export class AtrStream {
  private count = 0;
  private prevClose = 0;
  private sum = 0;
  private prev = Number.NaN;

  constructor(readonly period: number) {
    assertPeriod('atr', period);
  }

  update(bar: HlcBar): number {
    const index = this.count;
    this.count += 1;
    const prevClose = this.prevClose;
    this.prevClose = bar.close;
    if (index === 0) return Number.NaN;
    const tr = trueRangeOf(bar.high, bar.low, prevClose);
    if (this.period === 1) return tr;
    if (index > this.period) {
      this.prev *= this.period - 1;
      this.prev += tr;
      this.prev /= this.period;
      return this.prev;
    }
    this.sum += tr;
    if (index < this.period) return Number.NaN;
    this.prev = this.sum / this.period;
    return this.prev;
  }
}
