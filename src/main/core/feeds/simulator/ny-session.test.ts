import { describe, expect, it } from 'vitest';
import { isSessionOpen, newYorkOffsetMs, newYorkTime, sessionActivity } from './ny-session';

const HOUR = 3_600_000;

describe('New York session time', () => {
  it('switches between EST and EDT at 02:00 local on the US transition Sundays', () => {
    expect(newYorkOffsetMs(Date.UTC(2024, 2, 10, 6, 59))).toBe(-5 * HOUR); // 01:59 EST
    expect(newYorkOffsetMs(Date.UTC(2024, 2, 10, 7, 0))).toBe(-4 * HOUR); // 03:00 EDT
    expect(newYorkOffsetMs(Date.UTC(2024, 10, 3, 5, 59))).toBe(-4 * HOUR); // 01:59 EDT
    expect(newYorkOffsetMs(Date.UTC(2024, 10, 3, 6, 0))).toBe(-5 * HOUR); // 01:00 EST again
    expect(newYorkOffsetMs(Date.UTC(2025, 0, 15, 12))).toBe(-5 * HOUR);
  });

  it('opens the session at 09:30 New York on weekdays only, in both seasons', () => {
    expect(isSessionOpen(Date.UTC(2024, 0, 2, 14, 30))).toBe(true); // Tuesday, EST
    expect(isSessionOpen(Date.UTC(2024, 6, 2, 13, 30))).toBe(true); // Tuesday, EDT
    expect(isSessionOpen(Date.UTC(2024, 6, 2, 13, 31))).toBe(false);
    expect(isSessionOpen(Date.UTC(2024, 6, 6, 13, 30))).toBe(false); // Saturday
    expect(newYorkTime(Date.UTC(2024, 6, 7, 3, 0))).toEqual({ weekday: 6, minuteOfDay: 23 * 60 }); // Saturday 23:00 local
  });

  it('is U-shaped in the session, thin outside it, never zero', () => {
    const at = (hour: number, minute: number) => sessionActivity(Date.UTC(2024, 6, 2, hour + 4, minute)); // a Tuesday, EDT
    expect(at(9, 30)).toBeGreaterThan(3);
    expect(at(12, 30)).toBeCloseTo(0.7, 2);
    expect(at(15, 59)).toBeGreaterThan(2);
    expect(at(9, 29)).toBe(0.4);
    expect(at(2, 0)).toBe(0.3);
    expect(sessionActivity(Date.UTC(2024, 6, 6, 16, 0))).toBe(0.3); // Saturday noon
  });
});
