import { describe, expect, it } from 'vitest';
import { price, quantity } from '@shared/money/decimal';
import { makeContext } from '../test-orders';
import { maxOrderNotionalRule, maxOrderQuantityRule, noPriceRule } from './order-size-rules';

describe('no_price rule', () => {
  it('refuses a market order with no last price', () => {
    expect(noPriceRule(makeContext({ lastPrice: null }))).toEqual({
      ok: false,
      rule: 'no_price',
      message: 'No last price for AAPL: cannot value a market order',
      limit: null,
      actual: null,
    });
  });

  it('refuses stop and trailing stop orders with no last price', () => {
    const stop = makeContext({ lastPrice: null, order: { type: 'stop', stopPrice: price(95) } });
    expect(noPriceRule(stop)).toMatchObject({ ok: false, message: 'No last price for AAPL: cannot value a stop order' });
    const trailing = makeContext({ lastPrice: null, order: { type: 'trailing_stop', trailPercent: quantity(2) } });
    expect(noPriceRule(trailing)).toMatchObject({ ok: false, message: 'No last price for AAPL: cannot value a trailing stop order' });
  });

  it('passes a limit order without a last price: it is valued at its limit', () => {
    expect(noPriceRule(makeContext({ lastPrice: null, order: { type: 'limit', limitPrice: price(99) } }))).toEqual({ ok: true });
  });

  it('passes a market order with a last price', () => {
    expect(noPriceRule(makeContext({ lastPrice: 100 }))).toEqual({ ok: true });
  });
});

describe('max_order_quantity rule', () => {
  const limits = { maxOrderQuantity: '1000' };

  it('passes inside and at the limit', () => {
    expect(maxOrderQuantityRule(makeContext({ limits, order: { quantity: quantity(999) } }))).toEqual({ ok: true });
    expect(maxOrderQuantityRule(makeContext({ limits, order: { quantity: quantity(1000) } }))).toEqual({ ok: true });
  });

  it('refuses over the limit with both numbers', () => {
    expect(maxOrderQuantityRule(makeContext({ limits, order: { quantity: quantity(1500) } }))).toEqual({
      ok: false,
      rule: 'max_order_quantity',
      message: 'Order quantity 1,500 exceeds the limit 1,000',
      limit: '1000',
      actual: '1500',
    });
  });

  it('is off when the limit is null', () => {
    expect(maxOrderQuantityRule(makeContext({ order: { quantity: quantity(10_000_000) } }))).toEqual({ ok: true });
  });
});

describe('max_order_notional rule', () => {
  const limits = { maxOrderNotional: '250000' };

  it('values a limit order at its limit price', () => {
    const ctx = makeContext({ limits, lastPrice: 150, order: { type: 'limit', limitPrice: price('156.20'), quantity: quantity(2000) } });
    expect(maxOrderNotionalRule(ctx)).toEqual({
      ok: false,
      rule: 'max_order_notional',
      message: 'Order notional 312,400.00 exceeds the limit 250,000.00',
      limit: '250000',
      actual: '312400',
    });
  });

  it('values a market order at the last price, and passes exactly at the limit', () => {
    expect(maxOrderNotionalRule(makeContext({ limits, lastPrice: 125, order: { quantity: quantity(2000) } }))).toEqual({ ok: true });
    const over = makeContext({ limits, lastPrice: '125.01', order: { quantity: quantity(2000) } });
    expect(maxOrderNotionalRule(over)).toMatchObject({ ok: false, actual: '250020' });
  });

  it('is off when the limit is null', () => {
    expect(maxOrderNotionalRule(makeContext({ lastPrice: 1000, order: { quantity: quantity(1_000_000) } }))).toEqual({ ok: true });
  });
});
