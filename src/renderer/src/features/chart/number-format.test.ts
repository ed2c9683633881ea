import { describe, expect, it } from 'vitest';
import { decimalsOf, directionOf, formatPercent, formatPrice, formatSigned, formatVolume } from './number-format';

describe('number formatting', () => {
  it('reads decimals from a tick size', () => {
    expect(decimalsOf('0.01')).toBe(2);
    expect(decimalsOf('1')).toBe(0);
    expect(decimalsOf('0.00010')).toBe(4);
  });

  it('formats prices with the given or a fitting number of decimals', () => {
    expect(formatPrice(101.5, 2)).toBe('101.50');
    expect(formatPrice(0.123456)).toBe('0.1235');
    expect(formatPrice(null)).toBe('—');
  });

  it('abbreviates volume', () => {
    expect(formatVolume(950)).toBe('950');
    expect(formatVolume(12_345)).toBe('12.3K');
    expect(formatVolume(4_560_000)).toBe('4.56M');
    expect(formatVolume(1_200_000_000)).toBe('1.20B');
  });

  it('signs changes and percentages', () => {
    expect(formatSigned(1.254, 2)).toBe('+1.25');
    expect(formatSigned(-0.4, 2)).toBe('\u22120.40');
    expect(formatSigned(0.001, 2)).toBe('0.00');
    expect(formatPercent(1.5)).toBe('+1.50%');
    expect(directionOf(-1)).toBe('down');
    expect(directionOf(0)).toBe('flat');
  });
});
