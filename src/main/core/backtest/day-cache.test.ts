import { describe, expect, it } from 'vitest';
import { tradingDayOf } from '../market-data/calendar/us-equity-calendar';
import { monotoneDayCache } from './day-cache';

describe('monotoneDayCache', () => {
  it('answers exactly as the calendar over minute bars across days and a DST switch, with few calls', () => {
    let calls = 0;
    const cached = monotoneDayCache((time) => {
      calls += 1;
      return tradingDayOf(time);
    });
    const start = Date.UTC(2024, 2, 6, 3, 17); // through the US switch to summer time on 10 March
    const minutes = 10 * 1440;
    for (let i = 0; i < minutes; i += 1) {
      const time = start + i * 60_000;
      expect(cached(time)).toBe(tradingDayOf(time));
    }
    expect(calls).toBeLessThan(minutes / 50);
  });

  it('finds most day ends from the previous one: a few calls a day over a month of minutes, not a bisection each', () => {
    let calls = 0;
    const cached = monotoneDayCache((time) => {
      calls += 1;
      return tradingDayOf(time);
    });
    const start = Date.UTC(2024, 9, 20, 0, 7); // through the US switch back to winter time on 3 November
    const minutes = 30 * 1440;
    for (let i = 0; i < minutes; i += 1) {
      const time = start + i * 60_000;
      expect(cached(time)).toBe(tradingDayOf(time));
    }
    expect(calls).toBeLessThan(30 * 3 + 40); // three a day and two bisections (start, DST); a bisection every day: about 14 a day
  });

  it('calls once per query on daily bars and still answers right', () => {
    let calls = 0;
    const cached = monotoneDayCache((time) => {
      calls += 1;
      return tradingDayOf(time);
    });
    for (let d = 0; d < 30; d += 1) {
      const time = Date.UTC(2024, 0, 2 + d, 5);
      expect(cached(time)).toBe(tradingDayOf(time));
    }
    expect(calls).toBe(30);
  });

  it('answers a query back in time too', () => {
    const cached = monotoneDayCache(tradingDayOf);
    const t = Date.UTC(2024, 0, 3, 15);
    expect(cached(t)).toBe('2024-01-03');
    expect(cached(t + 60_000)).toBe('2024-01-03');
    expect(cached(t - 2 * 86_400_000)).toBe('2024-01-01');
  });
});
