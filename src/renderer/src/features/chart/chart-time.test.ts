import { describe, expect, it } from 'vitest';
import { TICK_DAY, TICK_MONTH, TICK_TIME, TICK_TIME_WITH_SECONDS, TICK_YEAR, formatBarTime, formatTickMark, intlOffset, zoneOffset } from './chart-time';

const HOUR = 3_600_000;
// 2024-07-01 13:30 UTC = 09:30 EDT; 2024-01-15 14:30 UTC = 09:30 EST.
const SUMMER = Date.UTC(2024, 6, 1, 13, 30);
const WINTER = Date.UTC(2024, 0, 15, 14, 30);

describe('zoneOffset', () => {
  it('follows New York daylight saving for exchange time', () => {
    const offset = zoneOffset('exchange', '1m');
    expect(offset(SUMMER)).toBe(-4 * HOUR);
    expect(offset(WINTER)).toBe(-5 * HOUR);
  });

  it('switches at the daylight-saving moment, not at the start of the day', () => {
    const offset = intlOffset('America/New_York');
    // 2024-03-10: clocks go forward at 02:00 EST = 07:00 UTC.
    expect(offset(Date.UTC(2024, 2, 10, 6, 59))).toBe(-5 * HOUR);
    expect(offset(Date.UTC(2024, 2, 10, 7, 0))).toBe(-4 * HOUR);
  });

  it('does not shift UTC or daily bars', () => {
    expect(zoneOffset('utc', '1m')(SUMMER)).toBe(0);
    expect(zoneOffset('exchange', '1d')(SUMMER)).toBe(0);
  });

  it('uses the machine zone for local time', () => {
    expect(zoneOffset('local', '1h')(SUMMER)).toBe(-new Date(SUMMER).getTimezoneOffset() * 60_000);
  });
});

describe('formatTickMark', () => {
  const seconds = Date.UTC(2024, 6, 1, 9, 30, 5) / 1000;

  it('labels each tick kind', () => {
    expect(formatTickMark(seconds, TICK_YEAR)).toBe('2024');
    expect(formatTickMark(seconds, TICK_MONTH)).toBe('Jul');
    expect(formatTickMark(seconds, TICK_DAY)).toBe('1');
    expect(formatTickMark(seconds, TICK_TIME)).toBe('09:30');
    expect(formatTickMark(seconds, TICK_TIME_WITH_SECONDS)).toBe('09:30:05');
  });
});

describe('formatBarTime', () => {
  const seconds = Date.UTC(2024, 0, 15, 9, 30, 5) / 1000;

  it('shows the date for daily bars, the time for intraday ones', () => {
    expect(formatBarTime(seconds, '1d')).toBe('Mon 15 Jan 2024');
    expect(formatBarTime(seconds, '5m')).toBe("Mon 15 Jan '24 09:30");
    expect(formatBarTime(seconds, '1s')).toBe("Mon 15 Jan '24 09:30:05");
  });
});
