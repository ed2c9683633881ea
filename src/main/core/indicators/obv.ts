import { assertSameLength, type CloseVolumeBar } from './series';

/**
 * On-balance volume, TA-Lib TA_OBV (ta_OBV.c): obv[0] = volume[0]; then volume is added on an
 * up close, subtracted on a down close, ignored on an unchanged one. Lookback 0. The level is
 * relative to the first bar given (only the shape means anything); technicalindicators starts
 * at 0 from the second bar instead, i.e. it is TA-Lib's OBV minus volume[0].
 */
export function obv(close: Float64Array, volume: Float64Array): Float64Array {
  assertSameLength('obv', close, volume);
  const out = new Float64Array(close.length);
  if (close.length === 0) return out;
  let total = volume[0]!;
  let prev = close[0]!;
  out[0] = total;
  for (let i = 1; i < close.length; i += 1) {
    const value = close[i]!;
    if (value > prev) total += volume[i]!;
    else if (value < prev) total -= volume[i]!;
    out[i] = total;
    prev = value;
  }
  return out;
}

/** One bar at a time; reproduces `obv` exactly. */
export class ObvStream {
  private started = false;
  private total = 0;
  private prev = 0;

  update(bar: CloseVolumeBar): number {
    if (!this.started) {
      this.started = true;
      this.total = bar.volume;
    } else if (bar.close > this.prev) {
      this.total += bar.volume;
    } else if (bar.close < this.prev) {
      this.total -= bar.volume;
    }
    this.prev = bar.close;
    return this.total;
  }
}
