import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, easterSunday, formatIsoDate, fromDayNumber, lastWeekday, MONDAY, nthWeekday, parseIsoDate, THURSDAY, weekdayOf } from './civil-date';

describe('civil dates', () => {
  it('counts days from 1970-01-01 and back, across leap days and centuries', () => {
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumber({ year: 2000, month: 3, day: 1 })).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    for (let n = -25_000; n <= 60_000; n += 37) {
      const date = fromDayNumber(n);
      expect(dayNumber(date)).toBe(n);
      expect(formatIsoDate(date)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('names weekdays and finds n-th and last weekdays of a month', () => {
    expect(weekdayOf(parseIsoDate('2024-03-10'))).toBe(0);
    expect(weekdayOf(parseIsoDate('1970-01-01'))).toBe(THURSDAY);
    expect(formatIsoDate(nthWeekday(2024, 11, THURSDAY, 4))).toBe('2024-11-28');
    expect(formatIsoDate(nthWeekday(2025, 9, MONDAY, 1))).toBe('2025-09-01');
    expect(formatIsoDate(lastWeekday(2021, 5, MONDAY))).toBe('2021-05-31');
    expect(formatIsoDate(addDays(parseIsoDate('2024-02-28'), 1))).toBe('2024-02-29');
  });

  it('computes Easter Sunday', () => {
    const known = { 1990: '1990-04-15', 2000: '2000-04-23', 2019: '2019-04-21', 2024: '2024-03-31', 2025: '2025-04-20', 2038: '2038-04-25', 2100: '2100-03-28' };
    for (const [year, date] of Object.entries(known)) expect(formatIsoDate(easterSunday(Number(year)))).toBe(date);
  });
});
