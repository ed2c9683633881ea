import { describe, expect, it } from 'vitest';
import { BOTTOM_TABS, neighbourTab } from './bottom-tabs';

describe('bottom tabs', () => {
  it('lists positions, orders, fills, portfolio and log in that order', () => {
    expect(BOTTOM_TABS.map((tab) => tab.id)).toEqual(['positions', 'orders', 'fills', 'portfolio', 'log']);
  });

  it('moves to the neighbouring tab and wraps around', () => {
    expect(neighbourTab('positions', 1)).toBe('orders');
    expect(neighbourTab('log', 1)).toBe('positions');
    expect(neighbourTab('positions', -1)).toBe('log');
  });
});
