import { describe, expect, it } from 'vitest';
import { addDays, formatIsoDate, isWeekend, parseIsoDate } from './civil-date';
import {
  extendedSessionFor,
  isTradingDay,
  marketPhase,
  nextTradingDay,
  previousTradingDay,
  sessionFor,
  startOfDayMs,
  tradingDayOf,
} from './us-equity-calendar';

const utc = (iso: string): number => Date.parse(iso);

/** Every weekday of a year on which the calendar says the market is closed. */
function weekdayClosures(year: number): string[] {
  const out: string[] = [];
  for (let date = parseIsoDate(`${year}-01-01`); date.year === year; date = addDays(date, 1)) {
    const iso = formatIsoDate(date);
    if (!isWeekend(date) && !isTradingDay(iso)) out.push(iso);
  }
  return out;
}

function earlyCloses(year: number): string[] {
  const out: string[] = [];
  for (let date = parseIsoDate(`${year}-01-01`); date.year === year; date = addDays(date, 1)) {
    const iso = formatIsoDate(date);
    if (sessionFor(iso)?.early) out.push(iso);
  }
  return out;
}

// Published by NYSE Group: "NYSE Group Announces 2022, 2023 and 2024 Holiday and Early Closings
// Calendar" (2021-12-27), "... 2025, 2026 and 2027 ..." (2024-11-08), plus the closure for
// President Carter's national day of mourning (2025-01-09).
// Earlier years from the NYSE's closings record (as encoded by pandas_market_calendars).
const NYSE_PUBLISHED: Record<number, { closed: string[]; early: string[] }> = {
  2001: {
    closed: ['2001-01-01', '2001-01-15', '2001-02-19', '2001-04-13', '2001-05-28', '2001-07-04', '2001-09-03', '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2001-11-22', '2001-12-25'],
    early: ['2001-07-03', '2001-11-23', '2001-12-24'],
  },
  2004: {
    closed: ['2004-01-01', '2004-01-19', '2004-02-16', '2004-04-09', '2004-05-31', '2004-06-11', '2004-07-05', '2004-09-06', '2004-11-25', '2004-12-24'],
    early: ['2004-11-26'],
  },
  2012: {
    closed: ['2012-01-02', '2012-01-16', '2012-02-20', '2012-04-06', '2012-05-28', '2012-07-04', '2012-09-03', '2012-10-29', '2012-10-30', '2012-11-22', '2012-12-25'],
    early: ['2012-07-03', '2012-11-23', '2012-12-24'],
  },
  2022: {
    closed: ['2022-01-17', '2022-02-21', '2022-04-15', '2022-05-30', '2022-06-20', '2022-07-04', '2022-09-05', '2022-11-24', '2022-12-26'],
    early: ['2022-11-25'],
  },
  2023: {
    closed: ['2023-01-02', '2023-01-16', '2023-02-20', '2023-04-07', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-11-23', '2023-12-25'],
    early: ['2023-07-03', '2023-11-24'],
  },
  2024: {
    closed: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25'],
    early: ['2024-07-03', '2024-11-29', '2024-12-24'],
  },
  2025: {
    closed: ['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25'],
    early: ['2025-07-03', '2025-11-28', '2025-12-24'],
  },
  2026: {
    closed: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
    early: ['2026-11-27', '2026-12-24'],
  },
  2027: {
    closed: ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
    early: ['2027-11-26'],
  },
};

describe('US equity holidays', () => {
  for (const [year, expected] of Object.entries(NYSE_PUBLISHED)) {
    it(`matches the NYSE's closures and early closes for ${year}`, () => {
      expect(weekdayClosures(Number(year))).toEqual(expected.closed);
      expect(earlyCloses(Number(year))).toEqual(expected.early);
    });
  }

  it('has the number of sessions the NYSE traded in recent years', () => {
    const sessions = (year: number): number => {
      let n = 0;
      for (let d = parseIsoDate(`${year}-01-01`); d.year === year; d = addDays(d, 1)) if (isTradingDay(formatIsoDate(d))) n += 1;
      return n;
    };
    expect([2021, 2022, 2023, 2024, 2025].map(sessions)).toEqual([252, 251, 250, 252, 250]);
  });

  it('does not observe New Year on the Friday before when Jan 1 is a Saturday', () => {
    expect(isTradingDay('2021-12-31')).toBe(true);
    expect(isTradingDay('2010-12-31')).toBe(true);
    expect(isTradingDay('2022-01-03')).toBe(true);
    expect(isTradingDay('2017-01-02')).toBe(false); // Sunday Jan 1 → Monday
  });

  it('adds Martin Luther King Jr. Day from 1998 and Juneteenth from 2022', () => {
    expect(isTradingDay('1997-01-20')).toBe(true);
    expect(isTradingDay('1998-01-19')).toBe(false);
    expect(isTradingDay('2021-06-18')).toBe(true);
    expect(isTradingDay('2022-06-20')).toBe(false);
  });

  it('closes on Good Friday by the computus', () => {
    expect(isTradingDay('2008-03-21')).toBe(false); // Easter 2008-03-23
    expect(isTradingDay('2011-04-22')).toBe(false); // Easter 2011-04-24
    expect(isTradingDay('2038-04-23')).toBe(false); // Easter 2038-04-25
    expect(isTradingDay('2100-03-26')).toBe(false); // Easter 2100-03-28
    expect(isTradingDay('2011-04-25')).toBe(true); // Easter Monday trades
  });

  it('knows the unscheduled closures', () => {
    for (const date of ['1994-04-27', '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2004-06-11', '2007-01-02', '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09']) {
      expect(isTradingDay(date), date).toBe(false);
    }
    expect(sessionFor('2001-09-17')?.open).toBe(utc('2001-09-17T13:33:00Z'));
  });

  it('shortens the Friday after a Thursday Independence Day before 2013 and the Wednesday before since', () => {
    expect(sessionFor('2002-07-05')).toMatchObject({ early: true, close: utc('2002-07-05T17:00:00Z') });
    expect(sessionFor('2002-07-03')?.early).toBe(false);
    expect(sessionFor('2013-07-03')?.early).toBe(true);
    expect(sessionFor('2013-07-05')?.early).toBe(false);
    expect(sessionFor('2015-07-02')?.early).toBe(false); // July 3 2015 was the observed holiday
    expect(isTradingDay('2015-07-03')).toBe(false);
  });

  it('closed early at 14:00 before 1993 and 13:00 since', () => {
    expect(sessionFor('1992-11-27')?.close).toBe(utc('1992-11-27T19:00:00Z'));
    expect(sessionFor('1991-12-24')?.close).toBe(utc('1991-12-24T19:00:00Z'));
    expect(sessionFor('1993-11-26')?.close).toBe(utc('1993-11-26T18:00:00Z'));
    expect(sessionFor('1991-11-29')?.early).toBe(false);
  });

  it('covers 1990–2100 and refuses other years and malformed dates', () => {
    expect(() => isTradingDay('1989-12-29')).toThrow(RangeError);
    expect(() => isTradingDay('2101-01-03')).toThrow(RangeError);
    expect(() => isTradingDay('2024-02-30')).toThrow(/No such date/);
    expect(() => isTradingDay('2024-2-3')).toThrow(/YYYY-MM-DD/);
    for (let year = 1990; year <= 2100; year += 1) {
      const closures = weekdayClosures(year).length;
      expect(closures, String(year)).toBeGreaterThanOrEqual(8);
      expect(closures, String(year)).toBeLessThanOrEqual(15);
    }
  });
});

describe('sessions across daylight-saving changes', () => {
  it('opens at 14:30Z in winter and 13:30Z in summer, either side of the March switch', () => {
    expect(sessionFor('2024-03-08')).toEqual({ open: utc('2024-03-08T14:30:00Z'), close: utc('2024-03-08T21:00:00Z'), early: false });
    expect(sessionFor('2024-03-11')).toEqual({ open: utc('2024-03-11T13:30:00Z'), close: utc('2024-03-11T20:00:00Z'), early: false });
  });

  it('moves back after the November switch', () => {
    expect(sessionFor('2024-11-01')?.open).toBe(utc('2024-11-01T13:30:00Z'));
    expect(sessionFor('2024-11-04')?.open).toBe(utc('2024-11-04T14:30:00Z'));
  });

  it('starts the transition Sundays at New York midnight, making them 23 and 25 hours long', () => {
    expect(startOfDayMs('2024-03-10')).toBe(utc('2024-03-10T05:00:00Z'));
    expect(startOfDayMs('2024-03-11') - startOfDayMs('2024-03-10')).toBe(23 * 3_600_000);
    expect(startOfDayMs('2024-11-04') - startOfDayMs('2024-11-03')).toBe(25 * 3_600_000);
  });

  it('dates an instant by the New York calendar', () => {
    expect(tradingDayOf(utc('2024-03-10T04:59:59.999Z'))).toBe('2024-03-09');
    expect(tradingDayOf(utc('2024-03-10T05:00:00Z'))).toBe('2024-03-10');
    expect(tradingDayOf(utc('2024-11-04T04:59:59.999Z'))).toBe('2024-11-03');
    expect(tradingDayOf(utc('2024-11-04T05:00:00Z'))).toBe('2024-11-04');
    expect(tradingDayOf(utc('2024-07-01T03:59:59Z'))).toBe('2024-06-30');
  });

  it('has an extended session from 04:00 to 20:00, ending at 17:00 on early-close days', () => {
    expect(extendedSessionFor('2024-03-11')).toEqual({ open: utc('2024-03-11T08:00:00Z'), close: utc('2024-03-12T00:00:00Z'), early: false });
    expect(extendedSessionFor('2024-11-29')).toEqual({ open: utc('2024-11-29T09:00:00Z'), close: utc('2024-11-29T22:00:00Z'), early: true });
    expect(extendedSessionFor('2024-12-25')).toBeNull();
  });
});

describe('marketPhase', () => {
  it('walks a summer day through closed, pre, regular, post and closed', () => {
    expect(marketPhase(utc('2024-03-11T07:59:59Z'))).toBe('closed');
    expect(marketPhase(utc('2024-03-11T08:00:00Z'))).toBe('pre');
    expect(marketPhase(utc('2024-03-11T13:29:59.999Z'))).toBe('pre');
    expect(marketPhase(utc('2024-03-11T13:30:00Z'))).toBe('regular');
    expect(marketPhase(utc('2024-03-11T19:59:59.999Z'))).toBe('regular');
    expect(marketPhase(utc('2024-03-11T20:00:00Z'))).toBe('post');
    expect(marketPhase(utc('2024-03-11T23:59:59Z'))).toBe('post');
    expect(marketPhase(utc('2024-03-12T00:00:00Z'))).toBe('closed');
  });

  it('is closed on weekends and holidays and post-market after an early close', () => {
    expect(marketPhase(utc('2024-03-09T15:00:00Z'))).toBe('closed');
    expect(marketPhase(utc('2024-12-25T15:00:00Z'))).toBe('closed');
    expect(marketPhase(utc('2024-11-29T17:59:00Z'))).toBe('regular');
    expect(marketPhase(utc('2024-11-29T18:00:00Z'))).toBe('post');
    expect(marketPhase(utc('2024-11-29T22:00:00Z'))).toBe('closed');
  });
});

describe('next and previous trading day', () => {
  it('skips weekends, holidays and unscheduled closures', () => {
    expect(nextTradingDay('2025-01-08')).toBe('2025-01-10');
    expect(nextTradingDay('2024-12-31')).toBe('2025-01-02');
    expect(nextTradingDay('2024-03-08')).toBe('2024-03-11');
    expect(previousTradingDay('2001-09-17')).toBe('2001-09-10');
    expect(previousTradingDay('2024-07-05')).toBe('2024-07-03');
  });
});
