import { describe, expect, it } from 'vitest';
import { alpacaDecimal, alpacaDecimalOrNull, alpacaTime, alpacaTimeOrNull, AlpacaValueError } from './parse-values';

describe('alpacaDecimal', () => {
  it('keeps every digit Alpaca sends', () => {
    expect(alpacaDecimal('187.4200').toFixed()).toBe('187.42');
    expect(alpacaDecimal('0.000000001').toFixed()).toBe('0.000000001');
    expect(alpacaDecimal('-122011.09751111286868').toFixed()).toBe('-122011.09751111286868');
    // 0.1 + 0.2 is exact in decimals, unlike floats.
    expect(alpacaDecimal('0.1').plus(alpacaDecimal('0.2')).toFixed()).toBe('0.3');
  });

  it('refuses anything that is not a plain decimal, naming the field', () => {
    for (const bad of ['', '1e5', '12.', '.5', ' 1', 'NaN', '1,000.00', '+3']) {
      expect(() => alpacaDecimal(bad, 'limit_price')).toThrow(AlpacaValueError);
    }
    expect(() => alpacaDecimal('abc', 'limit_price')).toThrow('Alpaca sent limit_price "abc", which is not a decimal');
  });

  it('reads null and missing fields as null', () => {
    expect(alpacaDecimalOrNull(null)).toBeNull();
    expect(alpacaDecimalOrNull(undefined)).toBeNull();
    expect(alpacaDecimalOrNull('5')?.toFixed()).toBe('5');
  });
});

describe('alpacaTime', () => {
  // 2024-03-15 is 19,797 days after 1970-01-01 (19,723 to 2024-01-01, then 31 + 29 + 14),
  // so 13:30:00Z is 19,797 × 86,400 + 48,600 = 1,710,509,400 s.
  it('reads a UTC timestamp without a fraction', () => {
    expect(alpacaTime('2024-03-15T13:30:00Z')).toEqual({ ms: 1_710_509_400_000, ns: 1_710_509_400_000_000_000n });
  });

  it('keeps all nine fractional digits and applies a negative offset', () => {
    // 09:30 at -04:00 is 13:30 UTC: the same second as above, plus 123,456,789 ns.
    expect(alpacaTime('2024-03-15T09:30:00.123456789-04:00')).toEqual({ ms: 1_710_509_400_123, ns: 1_710_509_400_123_456_789n });
  });

  it('pads a short fraction: .94 is 940 ms', () => {
    // 2021-03-16: 18,628 days to 2021-01-01, then 31 + 28 + 15 = 18,702 days; 18:38:01 is 67,081 s.
    expect(alpacaTime('2021-03-16T18:38:01.94Z')).toEqual({ ms: 1_615_919_881_940, ns: 1_615_919_881_940_000_000n });
  });

  it('floors to the millisecond instead of rounding', () => {
    expect(alpacaTime('2024-03-15T13:30:00.999999999Z').ms).toBe(1_710_509_400_999);
    expect(alpacaTime('2021-03-16T18:38:01.942282Z')).toEqual({ ms: 1_615_919_881_942, ns: 1_615_919_881_942_282_000n });
  });

  it('applies a positive offset across midnight and a leap day', () => {
    // 2000-02-29: 10,957 days to 2000-01-01, + 59 = 11,016 days = 951,782,400 s;
    // 23:59:59 adds 86,399 and +05:30 takes 19,800 off: 951,848,999 s.
    expect(alpacaTime('2000-02-29T23:59:59+05:30').ms).toBe(951_848_999_000);
  });

  it('floors before 1970 too', () => {
    // Half a millisecond before the epoch is -500,000 ns, which floors to -1 ms.
    expect(alpacaTime('1969-12-31T23:59:59.9995Z')).toEqual({ ms: -1, ns: -500_000n });
  });

  it('accepts the lower-case t and z RFC 3339 allows', () => {
    expect(alpacaTime('2024-03-15t13:30:00z').ms).toBe(1_710_509_400_000);
  });

  it('rejects malformed timestamps with a clear error', () => {
    const bad = [
      '2024-03-15 13:30:00Z', // no T
      '2024-03-15T13:30:00', // no zone
      '2024-03-15T13:30Z', // no seconds
      '2024-03-15T13:30:00.Z', // empty fraction
      '2024-03-15T13:30:00.1234567890Z', // ten digits
      '2024-03-15T13:30:00+0400', // offset without a colon
      '2024-13-01T00:00:00Z',
      '2023-02-29T00:00:00Z', // not a leap year
      '2024-04-31T00:00:00Z',
      '2024-03-15T24:00:00Z',
      '2024-03-15T13:60:00Z',
      '2024-03-15T13:30:60Z',
      '2024-03-15T13:30:00+24:00',
      '',
    ];
    for (const text of bad) expect(() => alpacaTime(text, 'filled_at'), text).toThrow(AlpacaValueError);
    expect(() => alpacaTime('2023-02-29T00:00:00Z', 'filled_at')).toThrow('Alpaca sent filled_at "2023-02-29T00:00:00Z": day 29 is out of range');
    expect(() => alpacaTime('yesterday')).toThrow(/not an RFC 3339 timestamp/);
  });

  it('reads null and missing timestamps as null', () => {
    expect(alpacaTimeOrNull(null)).toBeNull();
    expect(alpacaTimeOrNull(undefined)).toBeNull();
    expect(alpacaTimeOrNull('2024-03-15T13:30:00Z')?.ms).toBe(1_710_509_400_000);
  });
});
