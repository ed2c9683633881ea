import { DateTime } from 'luxon';
import { addDays, formatIsoDate, isWeekend, parseIsoDate } from './civil-date';
import { newYorkDate } from './new-york-date';
import { specialDaysOf } from './us-equity-holidays';

/**
 * The US equity (NYSE/Nasdaq) trading calendar: which dates trade and when, in UTC epoch ms.
 * Wall-clock times are New York's; luxon converts them with the IANA zone, so sessions on
 * daylight-saving transition days come out right (09:30 ET is 14:30Z in winter, 13:30Z in
 * summer, and a DST switch always happens on a Sunday at 02:00, outside any session).
 */

export const EXCHANGE_ZONE = 'America/New_York';

export type IsoDate = string;

export interface Session {
  /** UTC epoch ms of the first instant of the session. */
  open: number;
  /** UTC epoch ms of the end of the session (exclusive). */
  close: number;
  /** The regular session ends before 16:00 ET. */
  early: boolean;
}

export type MarketPhase = 'closed' | 'pre' | 'regular' | 'post';

const REGULAR = { open: '09:30', close: '16:00' };
const EXTENDED = { open: '04:00', close: '20:00' };
/** NYSE Arca's late session ends at 17:00 on early-close days (NYSE Group holiday notices). */
const EXTENDED_CLOSE_ON_EARLY_DAYS = '17:00';

export function isTradingDay(date: IsoDate): boolean {
  const civil = parseIsoDate(date);
  if (isWeekend(civil)) return false;
  return specialDaysOf(civil.year).get(date)?.kind !== 'closed';
}

/** The regular session of a date, or null when the market is closed that day. */
export function sessionFor(date: IsoDate): Session | null {
  if (!isTradingDay(date)) return null;
  const special = specialDaysOf(parseIsoDate(date).year).get(date);
  const hours = special?.kind === 'session' ? special : REGULAR;
  return {
    open: wallClockToMs(date, hours.open),
    close: wallClockToMs(date, hours.close),
    early: hours.close < REGULAR.close,
  };
}

/** Pre-market open (04:00) to post-market close (20:00, or 17:00 on early-close days). */
export function extendedSessionFor(date: IsoDate): Session | null {
  const regular = sessionFor(date);
  if (!regular) return null;
  return {
    open: wallClockToMs(date, EXTENDED.open),
    close: wallClockToMs(date, regular.early ? EXTENDED_CLOSE_ON_EARLY_DAYS : EXTENDED.close),
    early: regular.early,
  };
}

/** The New York calendar date of an instant (whether or not the market trades that day). */
export function tradingDayOf(timeMs: number): IsoDate {
  return newYorkDate(timeMs) ?? zonedDate(timeMs);
}

function zonedDate(timeMs: number): IsoDate {
  const date = DateTime.fromMillis(timeMs, { zone: EXCHANGE_ZONE }).toISODate();
  if (date === null) throw new RangeError(`Not a representable time: ${timeMs}`);
  return date;
}

export function nextTradingDay(date: IsoDate): IsoDate {
  return stepToTradingDay(date, 1);
}

export function previousTradingDay(date: IsoDate): IsoDate {
  return stepToTradingDay(date, -1);
}

export function marketPhase(timeMs: number): MarketPhase {
  const date = tradingDayOf(timeMs);
  const extended = extendedSessionFor(date);
  const regular = sessionFor(date);
  if (!extended || !regular || timeMs < extended.open || timeMs >= extended.close) return 'closed';
  if (timeMs < regular.open) return 'pre';
  return timeMs < regular.close ? 'regular' : 'post';
}

/** UTC epoch ms of a New York wall-clock time ('HH:MM') on a date. */
export function wallClockToMs(date: IsoDate, time: string, zone: string = EXCHANGE_ZONE): number {
  const { year, month, day } = parseIsoDate(date);
  const [hour, minute] = time.split(':').map(Number);
  const moment = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!moment.isValid) throw new RangeError(`Not a valid ${zone} time: ${date} ${time}`);
  return moment.toMillis();
}

/** UTC epoch ms of 00:00 of a date in a zone (the start of a daily bar). */
export function startOfDayMs(date: IsoDate, zone: string = EXCHANGE_ZONE): number {
  return wallClockToMs(date, '00:00', zone);
}

function stepToTradingDay(date: IsoDate, step: 1 | -1): IsoDate {
  let civil = parseIsoDate(date);
  // The longest run of closed days since 1990 is 6 (2001-09-11..16, with a weekend).
  for (let i = 0; i < 14; i += 1) {
    civil = addDays(civil, step);
    const candidate = formatIsoDate(civil);
    if (isTradingDay(candidate)) return candidate;
  }
  throw new Error(`No trading day within two weeks of ${date}`);
}
