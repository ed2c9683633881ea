import { DateTime } from 'luxon';

/**
 * How a file writes its bar times. Detected once from the first data row, then every row is
 * read the same way (a row that does not match is a row error, not a new guess).
 */
export type TimeKind =
  | 'date' // 2017-11-10
  | 'compact-date' // 20171110
  | 'us-date' // 11/10/2017 (month first, as US sources write it)
  | 'date-time' // 2026-01-26T14:30:00Z, 2017-04-19 09:00:00, with or without a zone
  | 'compact-date-time' // 20131007 09:31
  | 'epoch-s'
  | 'epoch-ms';

/** Daily bars are stamped at 00:00 New York time of their trading day (Polygon's convention). */
export const TRADING_DAY_ZONE = 'America/New_York';

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})[ T](\d{1,2}):?(\d{2})(?::?(\d{2}))?$/;
/** A separate time-of-day column: 153000, 1530, 15:30, 15:30:00. */
const CLOCK = /^(\d{1,2}):?(\d{2})(?::?(\d{2}))?$/;
const EPOCH_S = /^\d{9,10}(\.\d+)?$/;
const EPOCH_MS = /^\d{12,13}$/;

export function isDateOnly(kind: TimeKind): boolean {
  return kind === 'date' || kind === 'compact-date' || kind === 'us-date';
}

/** The kind of a sample value, or null when it is no timestamp we read. */
export function detectTimeKind(sample: string): TimeKind | null {
  const text = sample.trim();
  if (DATE.test(text)) return 'date';
  // Eight digits are a date when they spell one; epoch seconds that short would be 1970–73.
  if (COMPACT_DATE.test(text)) return civilDate(text.slice(0, 4), text.slice(4, 6), text.slice(6, 8)) === null ? null : 'compact-date';
  if (US_DATE.test(text)) return 'us-date';
  if (DATE_TIME.test(text)) return 'date-time';
  if (COMPACT_DATE_TIME.test(text)) return 'compact-date-time';
  if (EPOCH_MS.test(text)) return 'epoch-ms';
  if (EPOCH_S.test(text)) return 'epoch-s';
  return null;
}

/** Whether a date-time sample names its zone (Z or an offset); otherwise a zone is assumed. */
export function hasExplicitZone(sample: string): boolean {
  const match = DATE_TIME.exec(sample.trim());
  return match?.[8] !== undefined;
}

export type TimeParser = (value: string, clock: string | undefined) => number | null;

/**
 * A parser for one kind: UTC epoch ms, or null when the value is not a valid time of that kind.
 * Dates become 00:00 New York time of that day; date-times without a zone are read in `zone`;
 * `clock` is the separate time-of-day column, when the format has one (Stooq intraday).
 */
export function timeParser(kind: TimeKind, zone: string): TimeParser {
  const local = localClock(zone);
  const tradingDay = localClock(TRADING_DAY_ZONE);
  const dateWithClock = (y: string, m: string, d: string, clock: string | undefined): number | null => {
    if (clock === undefined) return tradingDay(y, m, d, 0, 0, 0);
    const hms = CLOCK.exec(clock.trim());
    if (!hms) return null;
    return local(y, m, d, Number(hms[1]), Number(hms[2]), Number(hms[3] ?? 0));
  };
  switch (kind) {
    case 'date':
      return (value, clock) => {
        const m = DATE.exec(value.trim());
        return m ? dateWithClock(m[1]!, m[2]!, m[3]!, clock) : null;
      };
    case 'compact-date':
      return (value, clock) => {
        const m = COMPACT_DATE.exec(value.trim());
        return m ? dateWithClock(m[1]!, m[2]!, m[3]!, clock) : null;
      };
    case 'us-date':
      return (value, clock) => {
        const m = US_DATE.exec(value.trim());
        return m ? dateWithClock(m[3]!, m[1]!, m[2]!, clock) : null;
      };
    case 'date-time':
      return (value) => {
        const m = DATE_TIME.exec(value.trim());
        if (!m) return null;
        const [, y, mo, d, h, mi, s, frac, offset] = m;
        const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
        if (offset === undefined) {
          const base = local(y!, mo!, d!, Number(h), Number(mi), Number(s ?? 0));
          return base === null ? null : base + ms;
        }
        const utc = local(y!, mo!, d!, Number(h), Number(mi), Number(s ?? 0), 'UTC');
        return utc === null ? null : utc + ms - offsetMs(offset);
      };
    case 'compact-date-time':
      return (value) => {
        const m = COMPACT_DATE_TIME.exec(value.trim());
        return m ? local(m[1]!, m[2]!, m[3]!, Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) : null;
      };
    case 'epoch-s':
      return (value) => (EPOCH_S.test(value.trim()) ? Math.round(Number(value) * 1000) : null);
    case 'epoch-ms':
      return (value) => (EPOCH_MS.test(value.trim()) ? Number(value) : null);
  }
}

/** ±HH:MM or ±HHMM → ms east of UTC. */
function offsetMs(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

type LocalClock = (y: string, m: string, d: string, hour: number, minute: number, second: number, zoneOverride?: 'UTC') => number | null;

/**
 * Local wall time in `zone` → UTC ms. The start of each local hour is resolved through luxon
 * once and cached (offsets change only on hour boundaries), so a 500k-row file costs a few
 * thousand zone lookups rather than one per row.
 */
function localClock(zone: string): LocalClock {
  const hourStarts = new Map<string, number | null>();
  return (y, m, d, hour, minute, second, zoneOverride) => {
    if (hour > 23 || minute > 59 || second > 59) return null;
    const date = civilDate(y, m, d);
    if (date === null) return null;
    if (zone === 'UTC' || zoneOverride === 'UTC') return Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
    const key = `${date.year}-${date.month}-${date.day}T${hour}`;
    let start = hourStarts.get(key);
    if (start === undefined) {
      const resolved = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour }, { zone });
      start = resolved.isValid ? resolved.toMillis() : null;
      if (hourStarts.size > 200_000) hourStarts.clear();
      hourStarts.set(key, start);
    }
    return start === null ? null : start + (minute * 60 + second) * 1000;
  };
}

function civilDate(y: string, m: string, d: string): { year: number; month: number; day: number } | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
