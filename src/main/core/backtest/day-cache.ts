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
export function monotoneDayCache(dayOf: (time: number) => string): (time: number) => string {
  let lo = 1;
  let hi = 0;
  let day = '';
  let last = -Infinity;
  /** The last day end found: `edge` was in its day, `beyond` (within a grain) was not. */
  let edge = Number.NaN;
  let beyond = Number.NaN;
  let edgeDay = '';
  return (time) => {
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
}
