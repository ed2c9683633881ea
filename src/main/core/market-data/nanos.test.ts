import { describe, expect, it } from 'vitest';
import { MAX_NANOS, nanosToMs, parseJsonLossless, parseNanos } from './nanos';

describe('parseNanos', () => {
  it('keeps every digit of a 19-digit Polygon timestamp that a number would round', () => {
    const text = '1696685400123456789';
    expect(BigInt(Number(text))).not.toBe(1696685400123456789n); // the premise: a double cannot hold it
    const { ns, ms } = parseNanos(text);
    expect(ns).toBe(1696685400123456789n);
    expect(ns.toString()).toBe(text);
    expect(ms).toBe(1696685400123);
  });

  it('floors to the millisecond the trade happened in', () => {
    expect(parseNanos('1696685400123999999').ms).toBe(1696685400123);
    expect(parseNanos(1_000_000n).ms).toBe(1);
    expect(parseNanos(999_999).ms).toBe(0);
  });

  it('accepts safe numbers and bigints, and the int64 maximum', () => {
    expect(parseNanos(1_500_000).ns).toBe(1_500_000n);
    expect(parseNanos(MAX_NANOS).ns).toBe(9223372036854775807n);
    expect(parseNanos('0')).toEqual({ ns: 0n, ms: 0 });
  });

  it('rejects values that are not non-negative integers within int64', () => {
    expect(() => parseNanos('1.5')).toThrow(/decimal integer/);
    expect(() => parseNanos('1e18')).toThrow(/decimal integer/);
    expect(() => parseNanos('')).toThrow(/decimal integer/);
    expect(() => parseNanos('12ab')).toThrow(/decimal integer/);
    expect(() => parseNanos(1.5)).toThrow(/integer/);
    expect(() => parseNanos('-1')).toThrow(/negative/);
    expect(() => parseNanos(-1n)).toThrow(/negative/);
    expect(() => parseNanos('9223372036854775808')).toThrow(/2\^63-1/);
  });

  it('refuses a number that was already rounded beyond 2^53', () => {
    expect(() => parseNanos(Number('1696685400123456789'))).toThrow(/already rounded/);
  });
});

describe('nanosToMs', () => {
  it('floors, including before the epoch', () => {
    expect(nanosToMs(1_999_999n)).toBe(1);
    expect(nanosToMs(-1n)).toBe(-1);
    expect(nanosToMs(-1_000_000n)).toBe(-1);
  });
});

describe('parseJsonLossless', () => {
  it('turns integers beyond MAX_SAFE_INTEGER into bigint and leaves other numbers as numbers', () => {
    const parsed = parseJsonLossless(
      '{"results":[{"sip_timestamp":1696685400123456789,"price":429.51,"size":100,"big":9007199254740993,"safe":9007199254740991,"exp":1e21}]}',
    );
    expect(parsed).toEqual({
      results: [
        {
          sip_timestamp: 1696685400123456789n,
          price: 429.51,
          size: 100,
          big: 9007199254740993n,
          safe: 9007199254740991,
          exp: 1e21,
        },
      ],
    });
  });

  it('rejects malformed JSON', () => {
    expect(() => parseJsonLossless('{"a":')).toThrow(SyntaxError);
  });
});
