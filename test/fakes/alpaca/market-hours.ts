import type { AlpacaCalendarDay, AlpacaClock } from '../../../src/main/node/adapters/alpaca/wire';
import { formatStamp, nyInstant, nyParts } from './timestamps';

/**
 * NYSE sessions as GET /v2/clock and /v2/calendar report them: weekdays 09:30–16:00 New York,
 * less the holidays the test names, with early closes it names. Calendar days carry
 * session_open/session_close ("0400"/"2000") and settlement_date (T+1) like Alpaca's.
 */
export interface MarketCalendar {
  holidays?: readonly string[];
  /** date → close "HH:MM", e.g. { '2024-11-29': '13:00' }. */
  earlyCloses?: Readonly<Record<string, string>>;
}

const DAY_MS = 86_400_000;

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export class MarketHours {
  constructor(private readonly calendar: MarketCalendar = {}) {}

  isTradingDay(date: string): boolean {
    const wd = weekday(date);
    return wd !== 0 && wd !== 6 && !(this.calendar.holidays ?? []).includes(date);
  }

  session(date: string): { open: string; close: string } {
    return { open: '09:30', close: this.calendar.earlyCloses?.[date] ?? '16:00' };
  }

  days(start: string, end: string): (AlpacaCalendarDay & Record<string, unknown>)[] {
    const out: (AlpacaCalendarDay & Record<string, unknown>)[] = [];
    for (let date = start; date <= end && out.length < 2_000; date = addDays(date, 1)) {
      if (!this.isTradingDay(date)) continue;
      let settle = addDays(date, 1);
      while (!this.isTradingDay(settle)) settle = addDays(settle, 1);
      out.push({ date, ...this.session(date), session_open: '0400', session_close: '2000', settlement_date: settle });
    }
    return out;
  }

  /** Timestamps in New York offset with nanoseconds, as paper-api writes them. */
  clock(now: number): AlpacaClock {
    const today = nyParts(now).date;
    let nextOpen: number | null = null;
    let nextClose: number | null = null;
    let isOpen = false;
    for (let date = today, i = 0; i < 30 && nextOpen === null; date = addDays(date, 1), i++) {
      if (!this.isTradingDay(date)) continue;
      const s = this.session(date);
      const open = nyInstant(date, s.open);
      const close = nyInstant(date, s.close);
      if (now >= open && now < close) isOpen = true;
      if (nextClose === null && now < close) nextClose = close;
      if (now < open) nextOpen = open;
    }
    return {
      timestamp: formatStamp(now, 'ny-nanos', now),
      is_open: isOpen,
      next_open: formatStamp(nextOpen ?? now, 'ny-millis').replace('.000', ''),
      next_close: formatStamp(nextClose ?? now, 'ny-millis').replace('.000', ''),
    };
  }
}
