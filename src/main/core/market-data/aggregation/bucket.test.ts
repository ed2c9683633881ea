import { describe, expect, it } from 'vitest';
import { bucketEnd, bucketStart, dailyZoneFor } from './bucket';

const utc = (iso: string): number => Date.parse(iso);

describe('bucketStart', () => {
  it('aligns 1s, 1m, 5m and 15m bars to multiples of their length', () => {
    const t = utc('2024-03-11T13:47:45.123Z');
    expect(bucketStart(t, '1s')).toBe(utc('2024-03-11T13:47:45Z'));
    expect(bucketStart(t, '1m')).toBe(utc('2024-03-11T13:47:00Z'));
    expect(bucketStart(t, '5m')).toBe(utc('2024-03-11T13:45:00Z'));
    expect(bucketStart(t, '15m')).toBe(utc('2024-03-11T13:45:00Z'));
    expect(bucketEnd(t, '15m')).toBe(utc('2024-03-11T14:00:00Z'));
  });

  it('starts hourly bars at the top of the New York hour in summer and winter', () => {
    expect(bucketStart(utc('2024-03-11T13:59:59Z'), '1h')).toBe(utc('2024-03-11T13:00:00Z')); // 09:59 EDT → 09:00
    expect(bucketStart(utc('2024-01-10T15:30:00Z'), '1h')).toBe(utc('2024-01-10T15:00:00Z')); // 10:30 EST → 10:00
  });

  it('starts daily bars at New York midnight, including on 23- and 25-hour days', () => {
    const lateSunday = utc('2024-03-11T02:00:00Z'); // 22:00 EDT on Sunday 2024-03-10
    expect(bucketStart(lateSunday, '1d')).toBe(utc('2024-03-10T05:00:00Z'));
    expect(bucketEnd(lateSunday, '1d')).toBe(utc('2024-03-11T04:00:00Z'));
    expect(bucketStart(utc('2024-11-03T12:00:00Z'), '1d')).toBe(utc('2024-11-03T04:00:00Z'));
    expect(bucketEnd(utc('2024-11-03T12:00:00Z'), '1d')).toBe(utc('2024-11-04T05:00:00Z'));
    // A post-market trade at 19:59 EDT still belongs to that New York day.
    expect(bucketStart(utc('2024-03-11T23:59:00Z'), '1d')).toBe(utc('2024-03-11T04:00:00Z'));
  });

  it('uses UTC days when asked, and for crypto symbols', () => {
    expect(dailyZoneFor('X:BTCUSD')).toBe('UTC');
    expect(dailyZoneFor('AAPL')).toBe('America/New_York');
    expect(bucketStart(utc('2024-03-11T02:00:00Z'), '1d', { dailyZone: 'UTC' })).toBe(utc('2024-03-11T00:00:00Z'));
    expect(bucketEnd(utc('2024-03-11T02:00:00Z'), '1d', { dailyZone: 'UTC' })).toBe(utc('2024-03-12T00:00:00Z'));
  });

  it('gives the same answers when times jump back and forth between days and zones', () => {
    const times = ['2024-03-12T15:00:00Z', '2023-12-31T23:00:00Z', '2024-03-12T03:00:00Z', '2024-03-10T06:00:00Z'].map(utc);
    const fresh = times.map((t) => [bucketStart(t, '1d'), bucketStart(t, '1d', { dailyZone: 'UTC' })]);
    const again = [...times].reverse().map((t) => [bucketStart(t, '1d'), bucketStart(t, '1d', { dailyZone: 'UTC' })]).reverse();
    expect(again).toEqual(fresh);
    expect(fresh[1]).toEqual([utc('2023-12-31T05:00:00Z'), utc('2023-12-31T00:00:00Z')]);
  });
});
