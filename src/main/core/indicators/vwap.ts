import { assertSameLength, type HlcvBar, nanSeries } from './series';

/**
 * Where sessions begin: either a session id per bar (a session starts wherever the id differs
 * from the previous bar's) or a predicate that is true for the first bar of each session.
 * Bar 0 always starts one.
 */
export type SessionBreaks = ArrayLike<number> | ((index: number) => boolean);

const DAY_MS = 86_400_000;

/** Session ids by UTC calendar day of each bar's open time (the handler's default). */
export function utcDaySessions(time: Float64Array): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i += 1) out[i] = Math.floor(time[i]! / DAY_MS);
  return out;
}

/**
 * Session-anchored VWAP. TA-Lib has no VWAP, so this is our definition, the usual one:
 *   typical[i] = (high + low + close) / 3
 *   vwap[i]    = Σ typical·volume / Σ volume over the bars of i's session up to and including i,
 * restarting at each session start. NaN while the session has traded no volume yet (0/0).
 * Without `sessions` the whole series is one session, which is technicalindicators' VWAP.
 */
export function vwap(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  volume: Float64Array,
  sessions?: SessionBreaks,
): Float64Array {
  assertSameLength('vwap', high, low, close, volume);
  const length = close.length;
  const out = nanSeries(length);
  const startsSession = sessionTest(sessions);
  let priceVolume = 0;
  let totalVolume = 0;
  for (let i = 0; i < length; i += 1) {
    if (i > 0 && startsSession(i)) {
      priceVolume = 0;
      totalVolume = 0;
    }
    const v = volume[i]!;
    priceVolume += ((high[i]! + low[i]! + close[i]!) / 3) * v;
    totalVolume += v;
    if (totalVolume !== 0) out[i] = priceVolume / totalVolume;
  }
  return out;
}

function sessionTest(sessions: SessionBreaks | undefined): (index: number) => boolean {
  if (sessions === undefined) return () => false;
  if (typeof sessions === 'function') return sessions;
  return (i) => sessions[i] !== sessions[i - 1];
}

/** One bar at a time; pass `sessionStart` on a session's first bar. Reproduces `vwap` exactly. */
export class VwapStream {
  private priceVolume = 0;
  private totalVolume = 0;

  update(bar: HlcvBar, sessionStart = false): number {
    if (sessionStart) {
      this.priceVolume = 0;
      this.totalVolume = 0;
    }
    this.priceVolume += ((bar.high + bar.low + bar.close) / 3) * bar.volume;
    this.totalVolume += bar.volume;
    return this.totalVolume !== 0 ? this.priceVolume / this.totalVolume : Number.NaN;
  }
}
