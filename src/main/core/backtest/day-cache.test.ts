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

describe('monotoneDayCache.dayEnds', () => {
  it('groups the times by day as asking for each in turn does, with the same calendar calls', () => {
    const calls: [number[], number[]] = [[], []];
    const caches = calls.map((log) =>
      monotoneDayCache((time) => {
        log.push(time);
        return tradingDayOf(time);
      }),
    );
    const start = Date.UTC(2024, 2, 6, 3, 17);
    const times = Float64Array.from({ length: 12 * 1440 }, (_, i) => start + i * 60_000 + (i % 700 === 0 ? 3 * 3_600_000 : 0));
    times.sort();
    const one = Array.from(times, (time) => caches[0]!(time));
    const ends: number[] = [];
    one.forEach((day, i) => {
      if (i + 1 === one.length || one[i + 1] !== day) ends.push(i + 1);
    });
    expect(ends).toHaveLength(13); // 6 March 03:17 UTC is still the 5th in New York: 13 days
    expect([...caches[1]!.dayEnds(times)]).toEqual(ends);
    expect(calls[1]).toEqual(calls[0]);
  });

  it('gives one end per day on daily bars, none for no times', () => {
    const cached = monotoneDayCache(tradingDayOf);
    expect([...cached.dayEnds([Date.UTC(2024, 0, 2, 21), Date.UTC(2024, 0, 3, 21), Date.UTC(2024, 0, 4, 21)])]).toEqual([1, 2, 3]);
    expect(cached.dayEnds([]).length).toBe(0);
  });
});
