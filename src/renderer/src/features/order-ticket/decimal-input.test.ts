import { describe, expect, it } from 'vitest';
import { compareAmounts, parsePositiveAmount } from './decimal-input';

describe('parsePositiveAmount', () => {
  it('keeps the typed digits as a canonical decimal string', () => {
    expect(parsePositiveAmount(' 100 ', 'Quantity')).toEqual({ ok: true, value: '100' });
    expect(parsePositiveAmount('101.250', 'Limit price')).toEqual({ ok: true, value: '101.25' });
    expect(parsePositiveAmount('.5', 'Quantity')).toEqual({ ok: true, value: '0.5' });
    expect(parsePositiveAmount('7.', 'Quantity')).toEqual({ ok: true, value: '7' });
    expect(parsePositiveAmount('0.000000000000000001', 'Quantity')).toEqual({ ok: true, value: '0.000000000000000001' });
  });

  it('keeps digits a float would lose', () => {
    expect(parsePositiveAmount('12345678901234567.89', 'Notional')).toEqual({ ok: true, value: '12345678901234567.89' });
  });

  it('says what is wrong, naming the field', () => {
    expect(parsePositiveAmount('', 'Quantity')).toEqual({ ok: false, message: 'Quantity is required' });
    expect(parsePositiveAmount('abc', 'Quantity')).toEqual({ ok: false, message: 'Quantity must be a number, e.g. 100 or 12.5' });
    expect(parsePositiveAmount('1e5', 'Quantity')).toEqual({ ok: false, message: 'Quantity must be a number, e.g. 100 or 12.5' });
    expect(parsePositiveAmount('.', 'Quantity')).toEqual({ ok: false, message: 'Quantity must be a number, e.g. 100 or 12.5' });
    expect(parsePositiveAmount('0', 'Quantity')).toEqual({ ok: false, message: 'Quantity must be greater than zero' });
    expect(parsePositiveAmount('-5', 'Stop price')).toEqual({ ok: false, message: 'Stop price must be greater than zero' });
    expect(parsePositiveAmount('0.1000000000000000055', 'Limit price')).toEqual({ ok: false, message: 'Limit price has more than 18 decimals' });
    expect(parsePositiveAmount('123456789012345678901', 'Notional')).toEqual({ ok: false, message: 'Notional is too large' });
  });

  it('refuses a comma rather than guess whether it is a decimal or a thousands separator', () => {
    expect(parsePositiveAmount('1,5', 'Quantity')).toEqual({ ok: false, message: 'Quantity: use a point for decimals and no thousands separators' });
    expect(parsePositiveAmount('1,000', 'Quantity').ok).toBe(false);
  });
});

describe('compareAmounts', () => {
  it('compares exactly, past float precision', () => {
    expect(compareAmounts('0.3', '0.1')).toBe(1);
    expect(compareAmounts('100.000000000000000001', '100')).toBe(1);
    expect(compareAmounts('2.50', '2.5')).toBe(0);
    expect(compareAmounts('9', '10')).toBe(-1);
  });
});
