import { assertPeriod, assertSameLength, type HlcBar, nanSeries, Ring } from './series';
import { SmaStream } from './sma';

export interface StochasticLines {
  k: Float64Array;
  d: Float64Array;
}

/**
 * Slow stochastic, TA-Lib TA_STOCH with SMA smoothing (ta_STOCH.c):
 *   fastK[i] = (close[i] - LL) / ((HH - LL) / 100), LL/HH = lowest low / highest high of the
 *              last kPeriod bars; 0 when HH == LL (TA-Lib's classic `diff != 0` test; the
 *              difference of two prices is exact, so no epsilon is needed).
 *   k = SMA(fastK, kSlowing); d = SMA(k, dPeriod)   (TA-Lib's running-sum SMA, from the first
 *              fastK value).
 * Both lines start at index (kPeriod-1) + (kSlowing-1) + (dPeriod-1), TA-Lib's lookback (17 for
 * 14/3/3): like TA-Lib, %K is not returned before %D exists.
 */
export function stochastic(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kPeriod: number,
  kSlowing: number,
  dPeriod: number,
): StochasticLines {
  assertPeriods(kPeriod, kSlowing, dPeriod);
  assertSameLength('stochastic', high, low, close);
  const length = close.length;
  const lines: StochasticLines = { k: nanSeries(length), d: nanSeries(length) };
  const start = kPeriod - 1 + (kSlowing - 1) + (dPeriod - 1);
  if (length <= start) return lines;

  const slowK = new SmaStream(kSlowing);
  const slowD = new SmaStream(dPeriod);
  let lowestIdx = -1;
  let highestIdx = -1;
  let lowest = 0;
  let highest = 0;
  for (let today = kPeriod - 1, trailing = 0; today < length; today += 1, trailing += 1) {
    // TA-Lib's scheme: rescan only when the extreme leaves the window.
    if (lowestIdx < trailing) {
      lowestIdx = trailing;
      lowest = low[trailing]!;
      for (let i = trailing + 1; i <= today; i += 1) {
        if (low[i]! < lowest) {
          lowestIdx = i;
          lowest = low[i]!;
        }
      }
    } else if (low[today]! <= lowest) {
      lowestIdx = today;
      lowest = low[today]!;
    }
    if (highestIdx < trailing) {
      highestIdx = trailing;
      highest = high[trailing]!;
      for (let i = trailing + 1; i <= today; i += 1) {
        if (high[i]! > highest) {
          highestIdx = i;
          highest = high[i]!;
        }
      }
    } else if (high[today]! >= highest) {
      highestIdx = today;
      highest = high[today]!;
    }
    const k = slowK.update(fastK(close[today]!, lowest, highest));
    if (Number.isNaN(k)) continue;
    const d = slowD.update(k);
    if (today < start) continue;
    lines.k[today] = k;
    lines.d[today] = d;
  }
  return lines;
}

function fastK(close: number, lowest: number, highest: number): number {
  const diff = (highest - lowest) / 100;
  return diff !== 0 ? (close - lowest) / diff : 0;
}

function assertPeriods(kPeriod: number, kSlowing: number, dPeriod: number): void {
  assertPeriod('stochastic k', kPeriod);
  assertPeriod('stochastic slowing', kSlowing);
  assertPeriod('stochastic d', dPeriod);
}

/** One bar at a time; `update` returns %K, `d` follows it. Reproduces `stochastic` exactly. */
export class StochasticStream {
  private readonly highs: Ring;
  private readonly lows: Ring;
  private readonly slowK: SmaStream;
  private readonly slowD: SmaStream;
  private readonly start: number;
  private count = 0;
  d = Number.NaN;

  constructor(
    readonly kPeriod: number,
    kSlowing: number,
    dPeriod: number,
  ) {
    assertPeriods(kPeriod, kSlowing, dPeriod);
    this.highs = new Ring(kPeriod);
    this.lows = new Ring(kPeriod);
    this.slowK = new SmaStream(kSlowing);
    this.slowD = new SmaStream(dPeriod);
    this.start = kPeriod - 1 + (kSlowing - 1) + (dPeriod - 1);
  }

  update(bar: HlcBar): number {
    const index = this.count;
    this.count += 1;
    this.highs.push(bar.high);
    this.lows.push(bar.low);
    if (index < this.kPeriod - 1) return Number.NaN;
    // Min and max are exact whichever way they are found, so a plain scan matches the batch.
    let lowest = this.lows.at(0);
    let highest = this.highs.at(0);
    for (let i = 1; i < this.kPeriod; i += 1) {
      lowest = Math.min(lowest, this.lows.at(i));
      highest = Math.max(highest, this.highs.at(i));
    }
    const k = this.slowK.update(fastK(bar.close, lowest, highest));
    if (Number.isNaN(k)) return Number.NaN;
    const d = this.slowD.update(k);
    if (index < this.start) return Number.NaN;
    this.d = d;
    return k;
  }
}
