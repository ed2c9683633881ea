import {
  addDays,
  type CivilDate,
  easterSunday,
  formatIsoDate,
  lastWeekday,
  MONDAY,
  nthWeekday,
  SATURDAY,
  SUNDAY,
  THURSDAY,
  TUESDAY,
  WEDNESDAY,
  weekdayOf,
} from './civil-date';

/**
 * NYSE/Nasdaq closures and shortened sessions, computed by rule for 1990–2100.
 *
 * Sources: NYSE Rule 7.2 and the NYSE Group holiday announcements (e.g. "NYSE Group Announces
 * 2025, 2026 and 2027 Holiday and Early Closings Calendar", 2024-11-08); history before that
 * from the NYSE closings record as encoded by pandas_market_calendars (holidays/nyse.py).
 *
 * Observance: a holiday on Saturday moves to Friday and on Sunday to Monday, except New Year's
 * Day, which is not observed at all when it falls on a Saturday (NYSE Rule 7.2: the Friday is
 * the last day of the accounting year). Early closes are 13:00 ET (14:00 before 1993) on:
 *  - the day before Independence Day when it is a Monday, Tuesday or Thursday (since 1995), or
 *    a Wednesday (since 2013); from 1996 to 2012 a Thursday July 4 shortened Friday July 5
 *    instead of Wednesday July 3. A July 3 that is itself the observed holiday is closed.
 *  - the day after Thanksgiving (since 1992; 14:00 in 1992),
 *  - Christmas Eve when it is a Monday to Thursday (a Friday Dec 24 is the observed Christmas).
 */

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export type SpecialDay =
  | { kind: 'closed'; name: string }
  /** A shortened or late-starting regular session; wall-clock 'HH:MM' in New York. */
  | { kind: 'session'; name: string; open: string; close: string };

const REGULAR_OPEN = '09:30';
const REGULAR_CLOSE = '16:00';

/** Unscheduled full-day closures since 1990. */
const UNSCHEDULED_CLOSURES: readonly (readonly [string, string])[] = [
  ['1994-04-27', 'Funeral of President Nixon'],
  ['2001-09-11', 'September 11 attacks'],
  ['2001-09-12', 'September 11 attacks'],
  ['2001-09-13', 'September 11 attacks'],
  ['2001-09-14', 'September 11 attacks'],
  ['2004-06-11', 'Funeral of President Reagan'],
  ['2007-01-02', 'Day of mourning for President Ford'],
  ['2012-10-29', 'Hurricane Sandy'],
  ['2012-10-30', 'Hurricane Sandy'],
  ['2018-12-05', 'Day of mourning for President G. H. W. Bush'],
  ['2025-01-09', 'Day of mourning for President Carter'],
];

/** Unscheduled late opens and early closes since 1990 (same source). */
const UNSCHEDULED_SESSIONS: readonly (readonly [string, string, string, string])[] = [
  ['1990-12-27', '09:31', REGULAR_CLOSE, 'Con Edison transformer explosion'],
  ['1991-01-17', '09:31', REGULAR_CLOSE, 'Gulf War moment of silence'],
  ['1991-02-25', '09:31', REGULAR_CLOSE, 'Gulf War moment of silence'],
  ['1994-02-11', REGULAR_OPEN, '14:30', 'Snowstorm'],
  ['1995-12-18', '10:30', REGULAR_CLOSE, 'Computer systems trouble'],
  ['1996-01-08', '11:00', '14:00', 'Snowstorm'],
  ['1997-10-27', REGULAR_OPEN, '15:30', 'Circuit breaker'],
  ['1997-12-26', REGULAR_OPEN, '13:00', 'Day after Christmas'],
  ['2001-09-17', '09:33', REGULAR_CLOSE, 'September 11 moment of silence'],
  ['2001-10-08', '09:31', REGULAR_CLOSE, 'Moment of silence'],
  ['2002-09-11', '12:00', REGULAR_CLOSE, 'September 11 anniversary'],
  ['2003-03-20', '09:32', REGULAR_CLOSE, 'Moment of silence'],
  ['2003-12-26', REGULAR_OPEN, '13:00', 'Day after Christmas'],
  ['2004-06-07', '09:32', REGULAR_CLOSE, 'Moment of silence for President Reagan'],
  ['2005-06-01', REGULAR_OPEN, '15:56', 'Systems communication problem'],
  ['2006-12-27', '09:32', REGULAR_CLOSE, 'Moment of silence for President Ford'],
];

const cache = new Map<number, ReadonlyMap<string, SpecialDay>>();

/** Every closure and shortened session of a year, keyed by 'YYYY-MM-DD'. */
export function specialDaysOf(year: number): ReadonlyMap<string, SpecialDay> {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`The US equity calendar covers ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
  }
  let days = cache.get(year);
  if (!days) {
    days = computeYear(year);
    cache.set(year, days);
  }
  return days;
}

function computeYear(year: number): Map<string, SpecialDay> {
  const days = new Map<string, SpecialDay>();
  const close = (date: CivilDate | null, name: string): void => {
    if (date) days.set(formatIsoDate(date), { kind: 'closed', name });
  };
  const shorten = (date: CivilDate, name: string): void => {
    const key = formatIsoDate(date);
    if (days.has(key)) return; // a closure wins over an early close
    days.set(key, { kind: 'session', name, open: REGULAR_OPEN, close: year < 1993 ? '14:00' : '13:00' });
  };

  close(newYearsDay(year), "New Year's Day");
  if (year >= 1998) close(nthWeekday(year, 1, MONDAY, 3), 'Martin Luther King Jr. Day');
  close(nthWeekday(year, 2, MONDAY, 3), "Washington's Birthday");
  close(addDays(easterSunday(year), -2), 'Good Friday');
  close(lastWeekday(year, 5, MONDAY), 'Memorial Day');
  if (year >= 2022) close(observed({ year, month: 6, day: 19 }), 'Juneteenth National Independence Day');
  close(observed({ year, month: 7, day: 4 }), 'Independence Day');
  close(nthWeekday(year, 9, MONDAY, 1), 'Labor Day');
  const thanksgiving = nthWeekday(year, 11, THURSDAY, 4);
  close(thanksgiving, 'Thanksgiving Day');
  close(observed({ year, month: 12, day: 25 }), 'Christmas Day');
  for (const [date, name] of UNSCHEDULED_CLOSURES) if (date.startsWith(`${year}-`)) days.set(date, { kind: 'closed', name });

  const july3 = { year, month: 7, day: 3 };
  const july3Weekday = weekdayOf(july3);
  if (year >= 1995 && (july3Weekday === MONDAY || july3Weekday === TUESDAY || july3Weekday === THURSDAY)) {
    shorten(july3, 'Day before Independence Day');
  }
  if (year >= 2013 && july3Weekday === WEDNESDAY) shorten(july3, 'Day before Independence Day');
  if (year >= 1996 && year <= 2012 && july3Weekday === WEDNESDAY) shorten({ year, month: 7, day: 5 }, 'Day after Independence Day');
  if (year >= 1992) shorten(addDays(thanksgiving, 1), 'Day after Thanksgiving');
  const christmasEve = { year, month: 12, day: 24 };
  const christmasEveWeekday = weekdayOf(christmasEve);
  if (christmasEveWeekday >= MONDAY && christmasEveWeekday <= THURSDAY) shorten(christmasEve, 'Christmas Eve');
  for (const [date, open, end, name] of UNSCHEDULED_SESSIONS) {
    if (date.startsWith(`${year}-`) && !days.has(date)) days.set(date, { kind: 'session', name, open, close: end });
  }
  return days;
}

/** Jan 1, or Monday Jan 2 when Jan 1 is a Sunday; none when it is a Saturday. */
function newYearsDay(year: number): CivilDate | null {
  const jan1 = { year, month: 1, day: 1 };
  const weekday = weekdayOf(jan1);
  if (weekday === SATURDAY) return null;
  return weekday === SUNDAY ? addDays(jan1, 1) : jan1;
}

/** Saturday → Friday, Sunday → Monday. */
function observed(date: CivilDate): CivilDate {
  const weekday = weekdayOf(date);
  if (weekday === SATURDAY) return addDays(date, -1);
  if (weekday === SUNDAY) return addDays(date, 1);
  return date;
}
