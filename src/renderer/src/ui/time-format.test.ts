import { describe, expect, it } from 'vitest';
import { clockSuffix, clockTimeZone, formatClockTime } from './time-format';

// 2024-07-01 13:30:05.042 UTC, which is 09:30:05 in New York (EDT).
const SUMMER = Date.UTC(2024, 6, 1, 13, 30, 5, 42);
// 2024-01-15 00:05:09 UTC, which is 19:05:09 the day before in New York (EST).
const WINTER = Date.UTC(2024, 0, 15, 0, 5, 9);

describe('formatClockTime', () => {
  it('shows UTC time as HH:MM:SS', () => {
    expect(formatClockTime(SUMMER, 'utc')).toBe('13:30:05');
  });

  it('shows exchange time in New York, following daylight saving', () => {
    expect(formatClockTime(SUMMER, 'exchange')).toBe('09:30:05');
    expect(formatClockTime(WINTER, 'exchange')).toBe('19:05:09');
  });

  it('uses a 24-hour clock with 00 at midnight', () => {
    expect(formatClockTime(Date.UTC(2024, 0, 1, 0, 0, 0), 'utc')).toBe('00:00:00');
  });

  it('adds milliseconds when asked', () => {
    expect(formatClockTime(SUMMER, 'utc', true)).toBe('13:30:05.042');
  });

  it('formats local time in the same shape', () => {
    expect(formatClockTime(SUMMER, 'local')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });
});

describe('clockSuffix', () => {
  it('labels exchange time NY, UTC as UTC, and local time not at all', () => {
    expect(clockSuffix('exchange')).toBe('NY');
    expect(clockSuffix('utc')).toBe('UTC');
    expect(clockSuffix('local')).toBe('');
  });
});

describe('clockTimeZone', () => {
  it('names the IANA zone', () => {
    expect(clockTimeZone('exchange')).toBe('America/New_York');
    expect(clockTimeZone('local').length).toBeGreaterThan(0);
  });
});
