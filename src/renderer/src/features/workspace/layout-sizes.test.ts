import { describe, expect, it } from 'vitest';
import type { WorkspaceLayout } from '@shared/dto/settings';
import { roundSizes, sameLayout, sameSizes, toColumns, toRows, withSizes } from './layout-sizes';

const LAYOUT: WorkspaceLayout = { columns: [18, 60, 22], rows: [70, 30], bottomTab: 'positions' };
const total = (sizes: number[]): number => sizes.reduce((sum, size) => sum + size, 0);

describe('roundSizes', () => {
  it('rounds to two decimals', () => {
    expect(roundSizes([18.123456, 59.876544, 22])).toEqual([18.12, 59.88, 22]);
  });

  it('keeps the total at 100 when each part rounds the same way', () => {
    const rounded = roundSizes([100 / 3, 100 / 3, 100 / 3]);
    expect(rounded.every((size) => Number.isInteger(Math.round(size * 100)))).toBe(true);
    expect(total(rounded)).toBeCloseTo(100, 10);
  });
});

describe('toColumns and toRows', () => {
  it('accept the right number of sizes', () => {
    expect(toColumns([20.004, 59.996, 20])).toEqual([20, 60, 20]);
    expect(toRows([65.5, 34.5])).toEqual([65.5, 34.5]);
  });

  it('reject the wrong number or out-of-range sizes', () => {
    expect(toColumns([50, 50])).toBeNull();
    expect(toRows([50, 25, 25])).toBeNull();
    expect(toRows([150, -50])).toBeNull();
  });
});

describe('sameSizes and sameLayout', () => {
  it('treat differences below the rounding step as equal', () => {
    expect(sameSizes([18.001, 60, 22], [18, 60, 22])).toBe(true);
    expect(sameSizes([18.1, 59.9, 22], [18, 60, 22])).toBe(false);
  });

  it('compare the bottom tab too', () => {
    expect(sameLayout(LAYOUT, { ...LAYOUT })).toBe(true);
    expect(sameLayout(LAYOUT, { ...LAYOUT, bottomTab: 'log' })).toBe(false);
  });
});

describe('withSizes', () => {
  it('applies only the pending parts', () => {
    expect(withSizes(LAYOUT, { rows: [60, 40] })).toEqual({ ...LAYOUT, rows: [60, 40] });
    expect(withSizes(LAYOUT, {})).toEqual(LAYOUT);
  });
});
