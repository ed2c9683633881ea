import { describe, expect, it } from 'vitest';
import { formatFraction, formatMoney, formatPnl, formatPrice, formatQuantity, formatRatio, signOf } from './money-format';

describe('formatMoney', () => {
  it('groups thousands and shows cents', () => {
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('100000')).toBe('100,000.00');
    expect(formatMoney('999')).toBe('999.00');
    expect(formatMoney('-54975.1')).toBe('-54,975.10');
  });

  it('rounds half to even at the cent, exactly', () => {
    expect(formatMoney('0.125')).toBe('0.12');
    expect(formatMoney('0.135')).toBe('0.14');
    expect(formatMoney('1000000000000000.005')).toBe('1,000,000,000,000,000.00');
    expect(formatMoney('1000000000000000.015')).toBe('1,000,000,000,000,000.02');
  });

  it('never shows a negative zero', () => {
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatMoney('-0')).toBe('0.00');
  });

  it('shows a dash for a missing value and leaves text it cannot read alone', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('n/a')).toBe('n/a');
  });
});

describe('formatPnl', () => {
  it('signs gains and losses', () => {
    expect(formatPnl('49')).toBe('+49.00');
    expect(formatPnl('-1234.5')).toBe('-1,234.50');
    expect(formatPnl('0.00')).toBe('0.00');
  });
});

describe('formatPrice', () => {
  it('shows two decimals at least and every decimal the price has', () => {
    expect(formatPrice('12.5')).toBe('12.50');
    expect(formatPrice('450')).toBe('450.00');
    expect(formatPrice('0.00012')).toBe('0.00012');
    expect(formatPrice('43210.125')).toBe('43,210.125');
  });
});

describe('formatQuantity', () => {
  it('groups units and keeps fractional ones', () => {
    expect(formatQuantity('1000')).toBe('1,000');
    expect(formatQuantity('-250')).toBe('-250');
    expect(formatQuantity('0.50')).toBe('0.5');
  });
});

describe('signOf', () => {
  it('reads the direction from the text', () => {
    expect(signOf('12.5')).toBe('up');
    expect(signOf('-0.01')).toBe('down');
    expect(signOf('-0.00')).toBe('flat');
    expect(signOf('0')).toBe('flat');
    expect(signOf(null)).toBe('flat');
  });
});

describe('statistics', () => {
  it('shows fractions as percents and ratios with two decimals', () => {
    expect(formatFraction(0.0523)).toBe('5.23%');
    expect(formatFraction(-0.1)).toBe('-10.00%');
    expect(formatFraction(null)).toBe('—');
    expect(formatRatio(1.8666)).toBe('1.87');
    expect(formatRatio(null)).toBe('—');
  });
});
