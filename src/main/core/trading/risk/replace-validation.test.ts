import { describe, expect, it } from 'vitest';
import type { ReplaceOrder } from '@shared/dto/trading';
import { Decimal, price, quantity } from '@shared/money/decimal';
import type { Order } from '../model/order';
import { validateReplace } from './order-validation';
import { makeOrder } from './test-orders';

const STOCK = { tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' };
const limitOrder = (overrides: Partial<Order> = {}) =>
  makeOrder({ type: 'limit', limitPrice: price(100), status: 'accepted', quantity: quantity(100), ...overrides });
const patch = (fields: Omit<ReplaceOrder, 'id'>): ReplaceOrder => ({ id: 'O-1', ...fields });
const message = (order: Order, fields: Omit<ReplaceOrder, 'id'>) => validateReplace(order, patch(fields))?.message;

describe('validateReplace', () => {
  it('accepts a new limit price and quantity on a working limit order', () => {
    expect(validateReplace(limitOrder(), patch({ limitPrice: '101.5', quantity: '150' }))).toBeNull();
    expect(validateReplace(limitOrder({ status: 'pending_new' }), patch({ quantity: '50' }))).toBeNull();
  });

  it('refuses orders that are no longer open', () => {
    for (const status of ['filled', 'canceled', 'rejected', 'expired', 'replaced'] as const) {
      expect(validateReplace(limitOrder({ status }), patch({ limitPrice: '101' }))).toEqual({
        rule: 'invalid_order',
        message: `Order O-1 is ${status}; only open orders can be replaced`,
        limit: null,
        actual: null,
      });
    }
  });

  it('refuses a patch that changes nothing', () => {
    expect(message(limitOrder(), { clientOrderId: 'again-1' })).toBe(
      'Nothing to replace: give quantity, limitPrice, stopPrice, trailAmount, trailPercent or timeInForce',
    );
  });

  it('refuses fields the order type does not use', () => {
    expect(message(limitOrder(), { stopPrice: '99' })).toBe('A limit order has no stopPrice to replace');
    expect(message(makeOrder({ status: 'accepted' }), { limitPrice: '99' })).toBe('A market order has no limitPrice to replace');
    expect(message(limitOrder(), { trailPercent: '1' })).toBe('A limit order has no trailPercent to replace');
    const stopLimit = limitOrder({ type: 'stop_limit', stopPrice: price(99) });
    expect(validateReplace(stopLimit, patch({ stopPrice: '98', limitPrice: '97.5' }))).toBeNull();
  });

  it('keeps a trailing stop on its kind of trail, at most 50%', () => {
    const byPercent = makeOrder({ type: 'trailing_stop', status: 'accepted', trailPercent: new Decimal(2) });
    expect(validateReplace(byPercent, patch({ trailPercent: '3' }))).toBeNull();
    expect(message(byPercent, { trailAmount: '1.5' })).toBe('This trailing stop trails by percent; replace trailPercent, not trailAmount');
    expect(message(byPercent, { trailPercent: '51' })).toBe('trailPercent 51 is over the maximum 50');
    const byAmount = makeOrder({ type: 'trailing_stop', status: 'accepted', trailAmount: price('1.5') });
    expect(message(byAmount, { trailPercent: '2' })).toBe('This trailing stop trails by amount; replace trailAmount, not trailPercent');
  });

  it('needs the new quantity to be more than what has filled', () => {
    const partly = limitOrder({ status: 'partially_filled', filledQuantity: quantity(80) });
    expect(validateReplace(partly, patch({ quantity: '81' }))).toBeNull();
    expect(validateReplace(partly, patch({ quantity: '80' }))).toEqual({
      rule: 'invalid_order',
      message: 'New quantity 80 must be more than the 80 already filled',
      limit: '80',
      actual: '80',
    });
    expect(message(partly, { quantity: '50' })).toBe('New quantity 50 must be more than the 80 already filled');
  });

  it('holds the time in force to what the order can take', () => {
    expect(validateReplace(limitOrder(), patch({ timeInForce: 'gtc' }))).toBeNull();
    expect(validateReplace(limitOrder(), patch({ timeInForce: 'ioc' }))).toBeNull();
    expect(message(limitOrder({ type: 'stop', limitPrice: null, stopPrice: price(99) }), { timeInForce: 'fok' })).toBe(
      'timeInForce fok is only for market and limit orders, not stop',
    );
    expect(message(limitOrder({ extendedHours: true }), { timeInForce: 'opg' })).toBe('extendedHours needs timeInForce day or gtc, not opg');
    expect(message(limitOrder({ orderClass: 'oco', legRole: 'take_profit' }), { timeInForce: 'cls' })).toBe(
      'An oco order needs timeInForce day or gtc, not cls',
    );
  });

  it('holds prices and quantity to the instrument when it is given', () => {
    expect(validateReplace(limitOrder(), patch({ limitPrice: '100.005' }), STOCK)?.message).toBe(
      'limitPrice 100.005 is not a multiple of the tick size 0.01',
    );
    expect(validateReplace(limitOrder(), patch({ quantity: '10.5' }), STOCK)?.message).toBe(
      'quantity 10.5: AAPL does not trade in fractions (lot size 1)',
    );
    expect(validateReplace(limitOrder(), patch({ limitPrice: '100.005' }))).toBeNull();
  });
});
