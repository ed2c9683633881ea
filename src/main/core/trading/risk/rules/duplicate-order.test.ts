import { describe, expect, it } from 'vitest';
import { price, quantity } from '@shared/money/decimal';
import type { Order } from '../../model/order';
import { makeContext, makeOrder, T0 } from '../test-orders';
import { duplicateOrderRule } from './duplicate-order';

const limits = { duplicateWindowMs: 2000 };
const limitOrder: Partial<Order> = { type: 'limit', limitPrice: price('101.50'), quantity: quantity(100) };
const earlier = (ageMs: number, overrides: Partial<Order> = {}) => makeOrder({ ...limitOrder, id: 'O-0', createdAt: T0 - ageMs, ...overrides });

describe('duplicate_order rule', () => {
  it('refuses the same order placed within the window', () => {
    const ctx = makeContext({ limits, order: limitOrder, recentOrders: [earlier(800)] });
    expect(duplicateOrderRule(ctx)).toEqual({
      ok: false,
      rule: 'duplicate_order',
      message: 'Duplicate order: the same buy 100 AAPL was placed 800 ms ago (window 2000 ms)',
      limit: '2000',
      actual: '800',
    });
  });

  it('still refuses exactly at the window, and passes one millisecond after it', () => {
    expect(duplicateOrderRule(makeContext({ limits, order: limitOrder, recentOrders: [earlier(2000)] }))).toMatchObject({ ok: false });
    expect(duplicateOrderRule(makeContext({ limits, order: limitOrder, recentOrders: [earlier(2001)] }))).toEqual({ ok: true });
  });

  it('passes when any compared field differs', () => {
    const differences: Array<Partial<Order>> = [
      { symbol: 'MSFT' },
      { side: 'sell' },
      { type: 'stop_limit', stopPrice: price(101) },
      { quantity: quantity(101) },
      { limitPrice: price('101.51') },
      { stopPrice: price(100) },
    ];
    for (const difference of differences) {
      const ctx = makeContext({ limits, order: limitOrder, recentOrders: [earlier(100, difference)] });
      expect(duplicateOrderRule(ctx)).toEqual({ ok: true });
    }
  });

  it('compares decimals by value, not by spelling', () => {
    const ctx = makeContext({ limits, order: limitOrder, recentOrders: [earlier(100, { limitPrice: price('101.5000'), quantity: quantity('100.0') })] });
    expect(duplicateOrderRule(ctx)).toMatchObject({ ok: false });
  });

  it('does not count the order itself', () => {
    const ctx = makeContext({ limits, order: limitOrder, recentOrders: [makeOrder({ ...limitOrder })] });
    expect(duplicateOrderRule(ctx)).toEqual({ ok: true });
  });

  it('is off with a window of 0', () => {
    const ctx = makeContext({ limits: { duplicateWindowMs: 0 }, order: limitOrder, recentOrders: [earlier(0)] });
    expect(duplicateOrderRule(ctx)).toEqual({ ok: true });
  });
});
