/**
 * Alpaca's timestamp spellings. The Trading API writes RFC 3339 with up to nine fractional
 * digits, sometimes in UTC ("2022-04-19T17:45:05.024916716Z") and sometimes with the New York
 * offset ("2022-04-19T13:45:04.981350886-04:00"), both in one order object (docs example on
 * docs.alpaca.markets/docs/websocket-streaming). Go trims trailing zeros, so ".1Z" is 100 ms.
 * The fake picks the spelling per stamp so a client's parser meets every one of them.
 */
export type TimestampFormat =
  /** 2024-03-15T13:30:00.123456789Z */
  | 'utc-nanos'
  /** 2024-03-15T09:30:00.123456789-04:00 */
  | 'ny-nanos'
  /** 2024-03-15T13:30:00.1Z: trailing zeros trimmed, no fraction when whole seconds. */
  | 'utc-trimmed'
  /** 2024-03-15T09:30:00.123-04:00 */
  | 'ny-millis'
  /** Cycles through the four above, one stamp after another. */
  | 'rotate';

export const TIMESTAMP_FORMATS: readonly Exclude<TimestampFormat, 'rotate'>[] = ['utc-nanos', 'ny-nanos', 'utc-trimmed', 'ny-millis'];

/** A moment as the fake keeps it: the instant and the text it was first written as. */
export interface Stamp {
  ms: number;
  text: string;
}

const NY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  timeZoneName: 'longOffset',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

/** Wall-clock parts of `ms` in New York. */
export interface NyParts {
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** "-04:00" or "-05:00". */
  offset: string;
  hms: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function nyParts(ms: number): NyParts {
  const parts: Record<string, string> = {};
  for (const p of NY.formatToParts(ms)) parts[p.type] = p.value;
  const get = (k: string) => parts[k] ?? '';
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
    offset,
    hms: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

/** The instant of New York wall time `hhmm` ("09:30") on `date` ("2024-03-15"). */
export function nyInstant(date: string, hhmm: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at noon UTC of that day is right for any trading hour (DST flips at 02:00).
  const offset = nyParts(Date.UTC(y, m - 1, d, 12)).offset;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
  return naive - sign * (oh * 60 + om) * 60_000;
}

/** Writes instants in the chosen spelling; sub-millisecond digits are deterministic filler. */
export class StampWriter {
  private turn = 0;

  constructor(public format: TimestampFormat) {}

  stamp(ms: number): Stamp {
    return { ms, text: this.write(ms) };
  }

  write(ms: number): string {
    this.turn += 1;
    const format = this.format === 'rotate' ? TIMESTAMP_FORMATS[this.turn % TIMESTAMP_FORMATS.length]! : this.format;
    return formatStamp(ms, format, this.turn);
  }
}

export function formatStamp(ms: number, format: Exclude<TimestampFormat, 'rotate'>, salt = 0): string {
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  const nanos = `${millis}${String((salt * 104_729) % 1_000_000).padStart(6, '0')}`;
  if (format === 'utc-nanos' || format === 'utc-trimmed') {
    const base = new Date(ms).toISOString().slice(0, 19);
    if (format === 'utc-nanos') return `${base}.${nanos}Z`;
    const trimmed = millis.replace(/0+$/, '');
    return trimmed === '' ? `${base}Z` : `${base}.${trimmed}Z`;
  }
  const ny = nyParts(ms);
  return `${ny.date}T${ny.hms}.${format === 'ny-nanos' ? nanos : millis}${ny.offset}`;
}

/** Market-data stream stamps are always UTC with nanoseconds (docs: real-time-stock-pricing-data). */
export function dataStamp(ms: number): string {
  return formatStamp(ms, 'utc-nanos', Math.floor(ms / 7));
}
