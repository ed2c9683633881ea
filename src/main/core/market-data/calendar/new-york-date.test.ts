import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { newYorkDate } from './new-york-date';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const luxonDate = (time: number): string | null => DateTime.fromMillis(time, { zone: 'America/New_York' }).toISODate();

describe('newYorkDate', () => {
  it('is the New York date around every hour that can change it, each day from 1970 to 2070', () => {
    const wrong: string[] = [];
    for (let u = 1; u < 36_525; u += 1) {
      for (const time of [u * DAY + 4 * HOUR - 1, u * DAY + 4 * HOUR, u * DAY + 5 * HOUR - 1, u * DAY + 5 * HOUR]) {
        if (newYorkDate(time) !== luxonDate(time)) wrong.push(new Date(time).toISOString());
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is the New York date of instants spread over the whole range, to 2199', () => {
    let seed = 7;
    for (let n = 0; n < 20_000; n += 1) {
      seed = (seed * 48_271) % 2_147_483_647;
      const time = 86_400_000 + Math.floor((seed / 2_147_483_647) * (Date.UTC(2200, 0, 1) - 86_400_000));
      expect(newYorkDate(time)).toBe(luxonDate(time));
    }
  });

  it('gives the worked dates: summer and winter, both sides of midnight in New York', () => {
    expect(newYorkDate(Date.UTC(2024, 6, 1, 3, 59, 59, 999))).toBe('2024-06-30'); // 23:59:59.999 EDT
    expect(newYorkDate(Date.UTC(2024, 6, 1, 4))).toBe('2024-07-01'); // 00:00 EDT
    expect(newYorkDate(Date.UTC(2024, 0, 2, 4, 59, 59, 999))).toBe('2024-01-01'); // 23:59:59.999 EST
    expect(newYorkDate(Date.UTC(2024, 0, 2, 5))).toBe('2024-01-02'); // 00:00 EST
  });

  it('leaves what it does not cover to the caller: before 1970-01-02, from 2200, fractions of a ms, non-finite', () => {
    expect(newYorkDate(Date.UTC(1969, 11, 31, 12))).toBeNull();
    expect(newYorkDate(Date.UTC(1970, 0, 1, 12))).toBeNull();
    expect(newYorkDate(Date.UTC(2200, 0, 1, 12))).toBeNull();
    expect(newYorkDate(Date.UTC(2024, 0, 2, 4) + 0.5)).toBeNull();
    expect(newYorkDate(Number.NaN)).toBeNull();
    expect(newYorkDate(Infinity)).toBeNull();
  });
});
