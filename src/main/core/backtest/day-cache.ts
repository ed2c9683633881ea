const HOUR_MS = 3_600_000;
/** How far ahead a dense run of queries probes for the same day. */
const PROBE_MS = 12 * HOUR_MS;
/** The boundary search stops within this much of the day's end. */
const GRAIN_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Caches a trading-day function for queries in time order. The host's calendar converts
 * time zones (several µs a call), and a minute-bar backtest asks for every bar. The trading
 * day of an instant never decreases with time, so two instants of the same day prove every
 * instant between them is that day too: the cache keeps one interval known to be `day` and,
 * on dense data (a query within an hour of the previous one), extends it with one probe 12
 * hours ahead, or finds the day's end by bisection to the minute (first trying the last end found
 * plus 24 hours: two calls on most days instead of a dozen). Sparse data (daily bars) costs
 * one call per query, as without the cache. The answers are exactly the function's.
 */
export type DayCache = ((time: number) => string) & {
  /**
   * Where each day of `times` (in order) ends: the index after its last time, consecutive
   * times of the same day grouped (as a pass asking for each time would group them), with
   * the same calls of the function, without a call per time.
   */
  dayEnds(times: ArrayLike<number>): Int32Array;
};

export function monotoneDayCache(dayOf: (time: number) => string): DayCache {
  let lo = 1;
  let hi = 0;
  let day = '';
  let last = -Infinity;
  /** The last day end found: `edge` was in its day, `beyond` (within a grain) was not. */
  let edge = Number.NaN;
  let beyond = Number.NaN;
  let edgeDay = '';
  const cached = (time: number): string => {
    const dense = time > last && time - last <= HOUR_MS; // against the previous query, answered from the cache or not
    last = time;
    if (time >= lo && time <= hi) return day;
    const current = dayOf(time);
    if (current === day && time > hi && lo <= hi) hi = time;
    else {
      day = current;
      lo = time;
      hi = time;
    }
    if (!dense || (day === edgeDay && time < beyond)) return day; // known to end before `beyond`
    const guess = edge + DAY_MS;
    if (guess > hi && dayOf(guess) === day && dayOf(beyond + DAY_MS) !== day) {
      hi = guess;
      edge = guess;
      beyond += DAY_MS;
      edgeDay = day;
      return day;
    }
    const far = time + PROBE_MS;
    if (dayOf(far) === day) {
      hi = far;
      return day;
    }
    let other = far;
    while (other - hi > GRAIN_MS) {
      const mid = hi + Math.floor((other - hi) / 2);
      if (dayOf(mid) === day) hi = mid;
      else other = mid;
    }
    edge = hi;
    beyond = other;
    edgeDay = day;
    return day;
  };
  const dayEnds = (times: ArrayLike<number>): Int32Array => {
    const n = times.length;
    const ends = new Int32Array(n);
    let count = 0;
    let previous: string | null = null;
    let i = 0;
    while (i < n) {
      const known = cached(times[i]!);
      i += 1;
      // Hits, as cached(time) answers them (it only moves `last`), without the call.
      const from = lo;
      const to = hi;
      let time = Number.NaN;
      while (i < n && (time = times[i]!) >= from && time <= to) i += 1;
      if (times[i - 1]! >= from && times[i - 1]! <= to) last = times[i - 1]!;
      if (known === previous) ends[count - 1] = i;
      else ends[count++] = i;
      previous = known;
    }
    return ends.slice(0, count);
  };
  return Object.assign(cached, { dayEnds });
}
