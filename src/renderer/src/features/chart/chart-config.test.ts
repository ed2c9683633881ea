import { describe, expect, it } from 'vitest';
import { MAX_BARS, PAGE_BARS, initialBars } from './chart-config';

describe('initialBars', () => {
  it('is one page unless the URL asks for more', () => {
    expect(initialBars('?token=abc')).toBe(PAGE_BARS);
    expect(initialBars('?token=abc&chartBars=100000')).toBe(100_000);
  });

  it('ignores nonsense and stays within the contract', () => {
    expect(initialBars('?chartBars=-5')).toBe(PAGE_BARS);
    expect(initialBars('?chartBars=lots')).toBe(PAGE_BARS);
    expect(initialBars('?chartBars=9999999')).toBe(MAX_BARS);
  });
});
