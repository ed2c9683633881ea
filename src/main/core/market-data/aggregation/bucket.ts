import { DateTime } from 'luxon';
import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import { EXCHANGE_ZONE } from '../calendar/us-equity-calendar';

/**
 * Which bar a time belongs to. A bar's time is the UTC epoch ms of its first instant.
 *
 * 1s, 1m, 5m, 15m and 1h buckets are multiples of their length since the Unix epoch. New York's
 * offset from UTC is always a whole number of hours (-5 or -4), so these are also the New York
 * wall-clock boundaries (a 1h bar starts at the top of the New York hour, as Polygon's do), and
 * a DST switch never splits or merges an intraday bucket.
 *
 * Daily buckets follow the calendar day of a zone: 00:00 America/New_York for US equities
 * (Polygon's daily aggregates start at midnight Eastern, and every extended-hours trade,
 * 04:00–20:00, falls on the same New York date) and 00:00 UTC for crypto. Days around a DST
 * switch are 23 or 25 hours long, so a daily bucket is never `TIMEFRAME_MS['1d']` arithmetic.
 */

export interface BucketOptions {
  /** IANA zone whose midnight starts a daily bar. Default: America/New_York. */
  dailyZone?: string;
}

export const UTC_ZONE = 'UTC';

/** Crypto (Polygon's X: tickers) trades around the clock and its days are UTC days. */
export function dailyZoneFor(symbol: string): string {
  return symbol.startsWith('X:') ? UTC_ZONE : EXCHANGE_ZONE;
}

export function bucketStart(timeMs: number, timeframe: Timeframe, options?: BucketOptions): number {
  if (timeframe === '1d') return dayRange(timeMs, options?.dailyZone ?? EXCHANGE_ZONE).start;
  const length = TIMEFRAME_MS[timeframe];
  return timeMs - (((timeMs % length) + length) % length);
}

/** The first instant of the next bucket (exclusive end of this one). */
export function bucketEnd(timeMs: number, timeframe: Timeframe, options?: BucketOptions): number {
  if (timeframe === '1d') return dayRange(timeMs, options?.dailyZone ?? EXCHANGE_ZONE).end;
  return bucketStart(timeMs, timeframe) + TIMEFRAME_MS[timeframe];
}

interface DayRange {
  start: number;
  end: number;
}

// One remembered day per zone: consecutive trades almost always share a day, which makes the
// daily bucket a two-comparison lookup instead of a time-zone conversion.
const lastDay = new Map<string, DayRange>();

function dayRange(timeMs: number, zone: string): DayRange {
  const cached = lastDay.get(zone);
  if (cached && timeMs >= cached.start && timeMs < cached.end) return cached;
  const range = computeDayRange(timeMs, zone);
  lastDay.set(zone, range);
  return range;
}

function computeDayRange(timeMs: number, zone: string): DayRange {
  if (zone === UTC_ZONE) {
    const day = TIMEFRAME_MS['1d'];
    const start = timeMs - (((timeMs % day) + day) % day);
    return { start, end: start + day };
  }
  const start = DateTime.fromMillis(timeMs, { zone }).startOf('day');
  if (!start.isValid) throw new RangeError(`Unknown zone or time: ${zone}, ${timeMs}`);
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}
