import { IANAZone } from 'luxon';
import { formatIsoDate, fromDayNumber } from './civil-date';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ZONE = IANAZone.create('America/New_York');
/** UTC days 0 (1970-01-01) up to this one (2200-01-01) take the fast path. */
const LAST_DAY = 84_006;
/** Per UTC day: New York's offset at 04:00 UTC in hours (−4 or −5); 0 = not asked yet, 1 = neither (luxon answers). */
const offsets = new Int8Array(LAST_DAY);
const dates = new Array<string | undefined>(LAST_DAY + 1);

/**
 * New York's calendar date of an integer instant from 1970 to 2199 without a time-zone
 * conversion per call, or null outside that (the caller asks luxon). The premise, from the
 * tz database: New York's offset is −5 h or −4 h throughout, and it changes at 02:00 local
 * (06:00 or 07:00 UTC), never between 04:00 and 05:00 UTC. So the instants of UTC day u
 * before 04:00 are New York's day u − 1 and those from 05:00 on its day u; in the hour
 * between, the date follows the offset, asked of the zone once per UTC day and remembered
 * (instants map to dates for good, so the memo is shared by every caller). The test
 * compares it with luxon across the range.
 */
export function newYorkDate(timeMs: number): string | null {
  const u = Math.floor(timeMs / DAY_MS);
  if (!(u >= 1 && u < LAST_DAY) || !Number.isInteger(timeMs)) return null;
  const into = timeMs - u * DAY_MS;
  if (into < 4 * HOUR_MS) return dateOf(u - 1);
  if (into >= 5 * HOUR_MS) return dateOf(u);
  let hours = offsets[u]!;
  if (hours === 0) {
    const minutes = ZONE.offset(u * DAY_MS + 4 * HOUR_MS);
    hours = minutes === -240 ? -4 : minutes === -300 ? -5 : 1;
    offsets[u] = hours;
  }
  if (hours === 1) return null;
  return hours === -4 ? dateOf(u) : dateOf(u - 1);
}

/** 'YYYY-MM-DD' of a UTC day number, made once. */
function dateOf(day: number): string {
  let text = dates[day];
  if (text === undefined) {
    text = formatIsoDate(fromDayNumber(day));
    dates[day] = text;
  }
  return text;
}
