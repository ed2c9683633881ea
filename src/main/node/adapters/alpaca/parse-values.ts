import { parseDecimal, type Decimal } from '@shared/money/decimal';
import { dayNumber, daysInMonth } from '../../../core/market-data/calendar/civil-date';
import { nanosToMs } from '../../../core/market-data/nanos';

/** A value Alpaca sent that we cannot read exactly. */
export class AlpacaValueError extends Error {
  override readonly name = 'AlpacaValueError';
}

/** An Alpaca decimal string ("187.42", "-3", "0.000000001") as an exact Decimal. */
export function alpacaDecimal(text: string, field = 'value'): Decimal {
  try {
    return parseDecimal(text);
  } catch {
    throw new AlpacaValueError(`Alpaca sent ${field} ${JSON.stringify(text)}, which is not a decimal`);
  }
}

/** Same, for the many fields Alpaca leaves null (limit_price of a market order …). */
export function alpacaDecimalOrNull(text: string | null | undefined, field = 'value'): Decimal | null {
  return text === null || text === undefined ? null : alpacaDecimal(text, field);
}

export interface AlpacaInstant {
  /** Epoch milliseconds, floored (the engine's time unit). */
  ms: number;
  /** Epoch nanoseconds, exact (Alpaca sends up to nine fractional digits). */
  ns: bigint;
}

// YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM); RFC 3339 allows a lower-case t and z.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const NS_PER_SECOND = 1_000_000_000n;

/**
 * An RFC 3339 timestamp read exactly: integer arithmetic throughout, so
 * "…01.123456789-04:00" keeps all nine digits (Date.parse would round them away).
 */
export function alpacaTime(text: string, field = 'time'): AlpacaInstant {
  const match = RFC3339.exec(text);
  const fail = (why: string) => new AlpacaValueError(`Alpaca sent ${field} ${JSON.stringify(text)}: ${why}`);
  if (!match) throw fail('not an RFC 3339 timestamp (YYYY-MM-DDTHH:MM:SS[.fraction] with Z or ±HH:MM)');
  const [, y, mo, d, h, mi, s, fraction = '', zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) throw fail(`month ${mo} is out of range`);
  if (day < 1 || day > daysInMonth(year, month)) throw fail(`day ${d} is out of range`);
  if (hour > 23 || minute > 59 || second > 59) throw fail('the time of day is out of range');
  let offsetSeconds = 0;
  if (zulu === undefined) {
    const offsetHours = Number(oh);
    const offsetMinutes = Number(om);
    if (offsetHours > 23 || offsetMinutes > 59) throw fail('the UTC offset is out of range');
    offsetSeconds = (sign === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  }
  // Local time minus its offset is UTC.
  const seconds = dayNumber({ year, month, day }) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  const ns = BigInt(seconds) * NS_PER_SECOND + BigInt(fraction.padEnd(9, '0'));
  return { ms: nanosToMs(ns), ns };
}

/** Same, for Alpaca's nullable timestamps (filled_at, canceled_at …). */
export function alpacaTimeOrNull(text: string | null | undefined, field = 'time'): AlpacaInstant | null {
  return text === null || text === undefined ? null : alpacaTime(text, field);
}
