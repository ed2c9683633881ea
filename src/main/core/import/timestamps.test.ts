import { describe, expect, it } from 'vitest';
import { detectTimeKind, hasExplicitZone, timeParser } from './timestamps';

describe('detectTimeKind', () => {
  it('tells the layouts apart from one sample', () => {
    expect(detectTimeKind('2017-11-10')).toBe('date');
    expect(detectTimeKind('20171110')).toBe('compact-date');
    expect(detectTimeKind('11/1/2019')).toBe('us-date');
    expect(detectTimeKind('2026-01-26T14:30:00Z')).toBe('date-time');
    expect(detectTimeKind('2017-04-19 09:00:00')).toBe('date-time');
    expect(detectTimeKind('20131007 09:31')).toBe('compact-date-time');
    expect(detectTimeKind('1704205800')).toBe('epoch-s');
    expect(detectTimeKind('1704205800000')).toBe('epoch-ms');
    // Eight digits that spell no date are not a date (and too short for epoch seconds we read).
    expect(detectTimeKind('20171340')).toBeNull();
    expect(detectTimeKind('yesterday')).toBeNull();
    expect(hasExplicitZone('2026-01-26T14:30:00+01:00')).toBe(true);
    expect(hasExplicitZone('2026-01-26 14:30')).toBe(false);
  });
});

describe('timeParser', () => {
  it('stamps dates at 00:00 New York, EST in winter and EDT in summer', () => {
    const parse = timeParser('date', 'UTC');
    expect(parse('2005-02-25', undefined)).toBe(Date.UTC(2005, 1, 25, 5));
    expect(parse('2017-07-03', undefined)).toBe(Date.UTC(2017, 6, 3, 4));
    expect(timeParser('compact-date', 'UTC')('20191101', undefined)).toBe(Date.UTC(2019, 10, 1, 4));
    expect(timeParser('us-date', 'UTC')('11/4/2019', undefined)).toBe(Date.UTC(2019, 10, 4, 5));
  });

  it('refuses dates that do not exist', () => {
    const parse = timeParser('date', 'UTC');
    expect(parse('2017-02-29', undefined)).toBeNull();
    expect(parse('2016-02-29', undefined)).not.toBeNull();
    expect(parse('2017-13-01', undefined)).toBeNull();
    expect(parse('2017-11-10x', undefined)).toBeNull();
    expect(timeParser('date-time', 'UTC')('2017-01-01T24:00:00Z', undefined)).toBeNull();
  });

  it('honours an explicit zone and reads zone-less times in the given zone', () => {
    const utc = timeParser('date-time', 'UTC');
    expect(utc('2026-01-26T14:30:00Z', undefined)).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(utc('2026-01-26T15:30:00+01:00', undefined)).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(utc('2026-01-26T09:30:00-0500', undefined)).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(utc('2026-01-26 14:30:15.250', undefined)).toBe(Date.UTC(2026, 0, 26, 14, 30, 15, 250));
    const warsaw = timeParser('date-time', 'Europe/Warsaw');
    expect(warsaw('2026-01-26 15:30:00', undefined)).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(warsaw('2026-04-01 15:30:00', undefined)).toBe(Date.UTC(2026, 3, 1, 13, 30));
  });

  it('reads Stooq intraday date and time columns as Warsaw wall time across both DST changes', () => {
    const parse = timeParser('compact-date', 'Europe/Warsaw');
    expect(parse('20260126', '153000')).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(parse('20260327', '215500')).toBe(Date.UTC(2026, 2, 27, 20, 55)); // last CET Friday
    expect(parse('20260330', '153000')).toBe(Date.UTC(2026, 2, 30, 13, 30)); // CEST
    expect(parse('20261026', '153000')).toBe(Date.UTC(2026, 9, 26, 14, 30)); // CET again
    expect(parse('20260126', '1530')).toBe(Date.UTC(2026, 0, 26, 14, 30));
    expect(parse('20260126', '25:00')).toBeNull();
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(timeParser('epoch-s', 'UTC')('1704205800', undefined)).toBe(1_704_205_800_000);
    expect(timeParser('epoch-s', 'UTC')('1704205800.5', undefined)).toBe(1_704_205_800_500);
    expect(timeParser('epoch-ms', 'UTC')('1704205800123', undefined)).toBe(1_704_205_800_123);
    expect(timeParser('epoch-ms', 'UTC')('17042058001', undefined)).toBeNull();
  });
});
