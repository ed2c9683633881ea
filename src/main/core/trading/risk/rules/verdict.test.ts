import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import { formatMoney, formatPercent, formatPrice, formatQuantity, refuse } from './verdict';

const d = (text: string) => new Decimal(text);

describe('message formatting', () => {
  it('writes money with cents and thousands separators', () => {
    expect(formatMoney(d('312400'))).toBe('312,400.00');
    expect(formatMoney(d('1234567.891'))).toBe('1,234,567.89');
    expect(formatMoney(d('-999.5'))).toBe('-999.50');
    expect(formatMoney(d('0'))).toBe('0.00');
  });

  it('writes quantities with every decimal they have', () => {
    expect(formatQuantity(d('1500'))).toBe('1,500');
    expect(formatQuantity(d('0.125'))).toBe('0.125');
    expect(formatQuantity(d('1234567.5'))).toBe('1,234,567.5');
  });

  it('writes prices with at least cents', () => {
    expect(formatPrice(d('101.5'))).toBe('101.50');
    expect(formatPrice(d('0.00012'))).toBe('0.00012');
    expect(formatPrice(d('64250'))).toBe('64,250.00');
  });

  it('writes percents to two places', () => {
    expect(formatPercent(d('12.345'))).toBe('12.34%');
    expect(formatPercent(d('10'))).toBe('10.00%');
  });
});

describe('refuse', () => {
  it('carries the numbers as canonical decimal strings', () => {
    expect(refuse('max_order_notional', 'm', d('250000.00'), d('312400.50'))).toEqual({
      ok: false,
      rule: 'max_order_notional',
      message: 'm',
      limit: '250000',
      actual: '312400.5',
    });
    expect(refuse('kill_switch', 'halted', null, null)).toMatchObject({ limit: null, actual: null });
  });
});
