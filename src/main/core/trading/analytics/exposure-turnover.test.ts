import { describe, expect, it } from 'vitest';
import { annualizedTurnover, exposure } from './exposure-turnover';

const DAY = 86_400_000;

describe('exposure', () => {
  it('is the share of points with a position', () => {
    expect(exposure(Uint8Array.from([0, 1, 1, 0]))).toBe(0.5);
    expect(exposure(Uint8Array.from([1, 1, 1, 0]), 3)).toBe(1);
    expect(exposure([])).toBeNull();
  });
});

describe('annualized turnover', () => {
  it('divides traded value by average equity, per year of the span', () => {
    // 400 traded on an average equity of 100 over half a year: 4 turns in half a year = 8 a year.
    expect(annualizedTurnover(400, [90, 110], 0.5 * 365.25 * DAY)).toBeCloseTo(8, 12);
  });

  it('has none under a day or without positive equity', () => {
    expect(annualizedTurnover(400, [100, 100], DAY - 1)).toBeNull();
    expect(annualizedTurnover(400, [0, 0], 10 * DAY)).toBeNull();
    expect(annualizedTurnover(400, [], 10 * DAY)).toBeNull();
  });
});
