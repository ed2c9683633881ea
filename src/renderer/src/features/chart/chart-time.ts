import type { Timeframe } from '@shared/dto/market-data';
import type { ClockZone } from '@shared/dto/settings';
import { clockTimeZone } from '../../ui/time-format';

/**
 * lightweight-charts places day, month and year tick marks by UTC. To show the user's clock
 * zone, each bar's time is shifted by that zone's UTC offset before it reaches the chart, and
 * the chart's formatters then read the shifted seconds as UTC fields. Daily bars are not
 * shifted: their open times (midnight UTC, midnight or 09:30 New York) all fall on the trading
 * day's date in UTC, which is the date to show.
 */

/** Milliseconds to add to an epoch time to get the wall-clock time in a zone. */
export type OffsetFn = (epochMs: number) => number;

const DAY_MS = 86_400_000;
/** Zones change offset on quarter hours at the finest. */
const STEP_MS = 900_000;

/** The chart time (whole seconds, shifted into the clock zone) of an epoch-ms instant. */
export function chartSeconds(epochMs: number, offset: OffsetFn): number {
  return Math.floor((epochMs + offset(epochMs)) / 1000);
}

export function zoneOffset(zone: ClockZone, timeframe: Timeframe): OffsetFn {
  if (timeframe === '1d' || zone === 'utc') return () => 0;
  if (zone === 'local') return (ms) => -new Date(ms).getTimezoneOffset() * 60_000;
  return intlOffset(clockTimeZone(zone));
}

/**
 * The offset of an IANA zone, from Intl (a few µs a call), cached per UTC day: only days whose
 * start and end offsets differ (daylight-saving days) are looked at per quarter hour.
 */
export function intlOffset(timeZone: string): OffsetFn {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const exact = (ms: number): number => {
    const whole = Math.floor(ms / 1000) * 1000;
    const parts = format.formatToParts(whole);
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - whole;
  };
  const days = new Map<number, number>();
  const steps = new Map<number, number>();
  const cached = (cache: Map<number, number>, key: number, at: number): number => {
    let value = cache.get(key);
    if (value === undefined) {
      value = exact(at);
      cache.set(key, value);
    }
    return value;
  };
  return (ms) => {
    const day = Math.floor(ms / DAY_MS);
    const start = cached(days, day, day * DAY_MS);
    if (start === cached(days, day + 1, (day + 1) * DAY_MS)) return start;
    const step = Math.floor(ms / STEP_MS);
    return cached(steps, step, step * STEP_MS);
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (value: number): string => String(value).padStart(2, '0');

/** lightweight-charts' TickMarkType values (a runtime enum there; numbers here keep this file DOM-free). */
export const TICK_YEAR = 0;
export const TICK_MONTH = 1;
export const TICK_DAY = 2;
export const TICK_TIME = 3;
export const TICK_TIME_WITH_SECONDS = 4;

/** A time-axis label for a shifted chart time (seconds). */
export function formatTickMark(seconds: number, tickType: number): string {
  const date = new Date(seconds * 1000);
  switch (tickType) {
    case TICK_YEAR:
      return String(date.getUTCFullYear());
    case TICK_MONTH:
      return MONTHS[date.getUTCMonth()] ?? '';
    case TICK_DAY:
      return String(date.getUTCDate());
    case TICK_TIME_WITH_SECONDS:
      return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
    default:
      return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  }
}

/** The full time of a bar for the crosshair label and the legend: "Mon 15 Jan '24 09:30". */
export function formatBarTime(seconds: number, timeframe: Timeframe): string {
  const date = new Date(seconds * 1000);
  const day = `${WEEKDAYS[date.getUTCDay()] ?? ''} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''}`;
  if (timeframe === '1d') return `${day} ${date.getUTCFullYear()}`;
  const clock = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const year = pad(date.getUTCFullYear() % 100);
  return timeframe === '1s' ? `${day} '${year} ${clock}:${pad(date.getUTCSeconds())}` : `${day} '${year} ${clock}`;
}
