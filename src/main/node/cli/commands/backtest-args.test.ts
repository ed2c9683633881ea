import { describe, expect, it } from 'vitest';
import { parseDate, parseGrid, parseParam } from './backtest-args';

describe('backtest flags', () => {
  it('reads --param values as numbers, booleans or text', () => {
    expect(parseParam('fast=10')).toEqual(['fast', 10]);
    expect(parseParam('k=2.5')).toEqual(['k', 2.5]);
    expect(parseParam('long=true')).toEqual(['long', true]);
    expect(parseParam('mode=close')).toEqual(['mode', 'close']);
    expect(() => parseParam('fast')).toThrow(/NAME=VALUE/);
  });

  it('reads --grid as a list or as FROM:TO:STEP', () => {
    expect(parseGrid('fast=5,10,20')).toEqual(['fast', [5, 10, 20]]);
    expect(parseGrid('slow=30:50:10')).toEqual(['slow', [30, 40, 50]]);
    expect(parseGrid('k=0.1:0.3:0.1')).toEqual(['k', [0.1, 0.2, 0.3]]);
    expect(() => parseGrid('slow=50:30:10')).toThrow(/FROM ≤ TO/);
  });

  it('reads dates as UTC days, --to inclusive of its whole day', () => {
    expect(parseDate('2010-01-04', '--from', 'start')).toBe(Date.UTC(2010, 0, 4));
    expect(parseDate('2010-01-04', '--to', 'end')).toBe(Date.UTC(2010, 0, 5) - 1);
    expect(() => parseDate('2010-02-30', '--from', 'start')).toThrow(/--from must be a date YYYY-MM-DD/);
  });
});
