/**
 * New York time of day for the simulator's volume profile and session opens. US Eastern time
 * with the post-2007 DST rule (second Sunday of March to first Sunday of November, 02:00
 * local). Exchange holidays and half days are ignored: a simulated market needs none.
 */

export const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Regular session in New York minutes of the day: 09:30–16:00. */
export const SESSION_OPEN_MINUTE = 9 * 60 + 30;
export const SESSION_CLOSE_MINUTE = 16 * 60;
const EXTENDED_OPEN_MINUTE = 4 * 60;
const EXTENDED_CLOSE_MINUTE = 20 * 60;

/** Day of the week of a UTC instant, 0 = Sunday (1970-01-01 was a Thursday). */
function utcWeekday(utc: number): number {
  return (((Math.floor(utc / DAY_MS) + 4) % 7) + 7) % 7;
}

/** The `n`-th (0-based) Sunday of a month, at `utcHour` UTC. */
function nthSunday(year: number, month: number, n: number, utcHour: number): number {
  const first = Date.UTC(year, month, 1);
  const toSunday = (7 - utcWeekday(first)) % 7;
  return first + (toSunday + 7 * n) * DAY_MS + utcHour * HOUR_MS;
}

/** UTC offset of New York at `utc`: -4 h in daylight time, -5 h otherwise. */
export function newYorkOffsetMs(utc: number): number {
  const year = new Date(utc).getUTCFullYear();
  const dstStart = nthSunday(year, 2, 1, 7); // 02:00 EST
  const dstEnd = nthSunday(year, 10, 0, 6); // 02:00 EDT
  return utc >= dstStart && utc < dstEnd ? -4 * HOUR_MS : -5 * HOUR_MS;
}

export interface NewYorkTime {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight, fractional. */
  minuteOfDay: number;
}

export function newYorkTime(utc: number): NewYorkTime {
  const local = utc + newYorkOffsetMs(utc);
  const intoDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  return { weekday: utcWeekday(local), minuteOfDay: intoDay / MINUTE_MS };
}

const isWeekday = (weekday: number): boolean => weekday >= 1 && weekday <= 5;

/** True when `utc` is exactly a regular-session open: 09:30:00.000 New York on a weekday. */
export function isSessionOpen(utc: number): boolean {
  const { weekday, minuteOfDay } = newYorkTime(utc);
  return isWeekday(weekday) && minuteOfDay === SESSION_OPEN_MINUTE;
}

/**
 * Trading intensity at `utc`, a multiplier on an instrument's trades per minute. In the
 * regular session it is U-shaped: about 3.2× at the open, 0.7× at midday, 2.2× into the close
 * (averaging about 0.93). Outside it the market keeps moving on thinner volume: 0.4× in extended
 * hours (04:00–09:30, 16:00–20:00 on weekdays), 0.3× overnight and at weekends — thin, but
 * enough that someone opening Kestrel on a Sunday sees a moving chart within seconds.
 */
const EXTENDED_HOURS_ACTIVITY = 0.4;
const OFF_HOURS_ACTIVITY = 0.3;

export function sessionActivity(utc: number): number {
  const { weekday, minuteOfDay } = newYorkTime(utc);
  if (!isWeekday(weekday)) return OFF_HOURS_ACTIVITY;
  if (minuteOfDay >= SESSION_OPEN_MINUTE && minuteOfDay < SESSION_CLOSE_MINUTE) {
    const x = (minuteOfDay - SESSION_OPEN_MINUTE) / (SESSION_CLOSE_MINUTE - SESSION_OPEN_MINUTE);
    return 0.7 + 2.5 * Math.exp(-x / 0.05) + 1.5 * Math.exp(-(1 - x) / 0.07);
  }
  if (minuteOfDay >= EXTENDED_OPEN_MINUTE && minuteOfDay < EXTENDED_CLOSE_MINUTE) return EXTENDED_HOURS_ACTIVITY;
  return OFF_HOURS_ACTIVITY;
}
