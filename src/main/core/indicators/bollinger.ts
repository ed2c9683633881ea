import { assertPeriod, nanSeries, Ring } from './series';
import { sma, SmaStream } from './sma';

export interface BollingerLines {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/**
 * Bollinger Bands, TA-Lib TA_BBANDS with an SMA middle band (ta_BBANDS.c):
 *   middle = SMA(n) (exactly `sma`); σ = population standard deviation of the same n values
 *   (divide by n, not n-1); upper = middle + k·σ; lower = middle - k·σ. First value at n-1.
 * TA-Lib gets σ² as mean(x²) - middle² from running sums, which cancels catastrophically on
 * quiet windows (σ ≪ price) and then zeroes σ below an absolute epsilon (1e-8 in TA-Lib 0.4.0): FX
 * and small-crypto bands collapse to a line. We compute the same σ from sums of deviations
 * from an anchor inside the window (see Deviation), re-anchored every n bars and whenever the
 * variance is lost in rounding, so σ keeps its relative precision and a flat window gives 0.
 */
export function bollinger(values: Float64Array, period: number, k: number): BollingerLines {
  assertPeriod('bollinger', period);
  const length = values.length;
  const middle = sma(values, period);
  const lines: BollingerLines = { upper: nanSeries(length), middle, lower: nanSeries(length) };
  if (length < period) return lines;
  const deviation = new Deviation(period);
  for (let i = period - 1; i < length; i += 1) {
    const first = i - period + 1;
    const leaving = first > 0 ? values[first - 1]! : 0;
    const sigma = deviation.step(values[i]!, leaving, values, first, length);
    const mid = middle[i]!;
    lines.upper[i] = mid + k * sigma;
    lines.lower[i] = mid - k * sigma;
  }
  return lines;
}

/** How far below the sums' magnitude the variance may fall before we recompute it exactly. */
const CANCELLATION_LIMIT = 1e-8;

/**
 * Population σ of a sliding window from s1 = Σ(x - a) and s2 = Σ(x - a)², where the anchor a
 * is a recent value: σ² = s2/n - (s1/n)². Deviations from a nearby anchor are small, so the
 * subtraction keeps its digits; when it would not (σ² < 1e-8 of s2/n) the window is summed
 * again about its newest value, which makes a flat window exactly 0.
 */
class Deviation {
  private anchor = 0;
  private s1 = 0;
  private s2 = 0;
  private sinceAnchor = 0;

  constructor(private readonly period: number) {}

  /**
   * σ of the window after `entering` arrived and `leaving` left. The window is n values of
   * `buffer` from `start`, wrapping to 0 at `wrap` (a ring), oldest first.
   */
  step(entering: number, leaving: number, buffer: Float64Array, start: number, wrap: number): number {
    const n = this.period;
    if (this.sinceAnchor === 0 || this.sinceAnchor >= n) {
      this.reanchor(entering, buffer, start, wrap);
    } else {
      const dIn = entering - this.anchor;
      const dOut = leaving - this.anchor;
      this.s1 += dIn - dOut;
      this.s2 += dIn * dIn - dOut * dOut;
      this.sinceAnchor += 1;
    }
    let meanSquare = this.s2 / n;
    let mean = this.s1 / n;
    let variance = meanSquare - mean * mean;
    if (variance <= CANCELLATION_LIMIT * meanSquare && this.sinceAnchor > 1) {
      this.reanchor(entering, buffer, start, wrap);
      meanSquare = this.s2 / n;
      mean = this.s1 / n;
      variance = meanSquare - mean * mean;
    }
    return variance > 0 ? Math.sqrt(variance) : 0;
  }

  private reanchor(anchor: number, buffer: Float64Array, start: number, wrap: number): void {
    this.anchor = anchor;
    this.s1 = 0;
    this.s2 = 0;
    for (let k = 0, j = start; k < this.period; k += 1, j += 1) {
      if (j === wrap) j = 0;
      const d = buffer[j]! - anchor;
      this.s1 += d;
      this.s2 += d * d;
    }
    this.sinceAnchor = 1;
  }
}

/** One bar at a time; `update` returns the middle band, `upper` and `lower` follow it. */
export class BollingerStream {
  private readonly mean: SmaStream;
  private readonly window: Ring;
  private readonly deviation: Deviation;
  private count = 0;
  upper = Number.NaN;
  lower = Number.NaN;

  constructor(
    readonly period: number,
    readonly k: number,
  ) {
    assertPeriod('bollinger', period);
    this.mean = new SmaStream(period);
    this.window = new Ring(period);
    this.deviation = new Deviation(period);
  }

  update(value: number): number {
    this.count += 1;
    const middle = this.mean.update(value);
    const leaving = this.window.push(value);
    if (this.count < this.period) return Number.NaN;
    const sigma = this.deviation.step(value, leaving, this.window.slots, this.window.start, this.period);
    this.upper = middle + this.k * sigma;
    this.lower = middle - this.k * sigma;
    return middle;
  }
}
