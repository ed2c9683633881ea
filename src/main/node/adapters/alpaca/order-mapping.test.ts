import { describe, expect, it } from 'vitest';
import { PlaceOrder, type PlaceOrderInput } from '@shared/dto/trading';
import { Decimal, price } from '@shared/money/decimal';
import { exitLegs, orderFromRequest } from '../../../core/trading/execution/order-factory';
import type { Order } from '../../../core/trading/model/order';
import { legRoleOf, orderFromAlpaca, statusFromAlpaca, toAlpacaReplace, toAlpacaRequest } from './order-mapping';
import type { AlpacaOrder } from './wire';

type Input = Omit<PlaceOrderInput, 'symbol'>;

function ordered(input: Input, reference: string | null = null): { order: Order; legs: Order[] } {
  const request = PlaceOrder.parse({ clientOrderId: 'k1', symbol: 'AAPL', ...input });
  const order = orderFromRequest(request, { id: 'O1', clientOrderId: 'k1' }, 0, new Decimal(1), reference === null ? null : price(reference));
  let n = 1;
  return { order, legs: exitLegs(order, request, () => `O${(n += 1)}`) };
}

const request = (input: Input) => {
  const { order, legs } = ordered(input);
  return toAlpacaRequest(order, legs);
};

describe('toAlpacaRequest', () => {
  it('maps each order type with exact decimal strings and only the fields that type takes', () => {
    expect(request({ side: 'buy', type: 'market', quantity: '0.125' })).toEqual({ symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', qty: '0.125', client_order_id: 'k1' });
    expect(request({ side: 'sell', type: 'stop', quantity: '3', stopPrice: '187.40', timeInForce: 'gtc' })).toMatchObject({ type: 'stop', stop_price: '187.4', time_in_force: 'gtc' });
    expect(request({ side: 'buy', type: 'stop_limit', quantity: '3', stopPrice: '101', limitPrice: '101.5' })).toMatchObject({ stop_price: '101', limit_price: '101.5' });
    expect(request({ side: 'sell', type: 'trailing_stop', quantity: '3', trailAmount: '0.75' })).toMatchObject({ trail_price: '0.75' });
    expect(request({ side: 'sell', type: 'trailing_stop', quantity: '3', trailPercent: '1.5' })).toMatchObject({ trail_percent: '1.5' });
    expect(request({ side: 'buy', type: 'limit', quantity: '2', limitPrice: '99.99', extendedHours: true })).toMatchObject({ limit_price: '99.99', extended_hours: true });
  });

  it('sends a notional market order as an amount, not a quantity', () => {
    const { order } = ordered({ side: 'buy', type: 'market', notional: '250.50' }, '100');
    expect(toAlpacaRequest(order)).toEqual({ symbol: 'AAPL', side: 'buy', type: 'market', time_in_force: 'day', notional: '250.5', client_order_id: 'k1' });
  });

  it('builds a bracket’s take-profit and stop-loss from its legs, and an OTO from its one leg', () => {
    expect(request({ side: 'buy', type: 'limit', quantity: '10', limitPrice: '100', orderClass: 'bracket', takeProfit: { limitPrice: '110.10' }, stopLoss: { stopPrice: '95', limitPrice: '94.90' } })).toEqual({
      symbol: 'AAPL',
      side: 'buy',
      type: 'limit',
      time_in_force: 'day',
      qty: '10',
      limit_price: '100',
      client_order_id: 'k1',
      order_class: 'bracket',
      take_profit: { limit_price: '110.1' },
      stop_loss: { stop_price: '95', limit_price: '94.9' },
    });
    expect(request({ side: 'buy', type: 'market', quantity: '10', orderClass: 'oto', stopLoss: { stopPrice: '95' } })).toMatchObject({ order_class: 'oto', stop_loss: { stop_price: '95' } });
  });

  it('sends an OCO as a limit order whose take-profit is the order’s own limit', () => {
    expect(request({ side: 'sell', type: 'limit', quantity: '10', limitPrice: '120', orderClass: 'oco', stopLoss: { stopPrice: '90' } })).toEqual({
      symbol: 'AAPL',
      side: 'sell',
      type: 'limit',
      time_in_force: 'day',
      qty: '10',
      client_order_id: 'k1',
      order_class: 'oco',
      take_profit: { limit_price: '120' },
      stop_loss: { stop_price: '90' },
    });
  });
});

describe('toAlpacaReplace', () => {
  it('carries the replacement’s quantity, prices and client order id; a trail goes as `trail`', () => {
    const { order } = ordered({ side: 'sell', type: 'trailing_stop', quantity: '4', trailPercent: '2.5' });
    expect(toAlpacaReplace({ ...order, clientOrderId: 'k1-r' })).toEqual({ qty: '4', time_in_force: 'day', client_order_id: 'k1-r', trail: '2.5' });
  });
});

describe('Alpaca statuses and legs', () => {
  it('maps Alpaca statuses to ours: everything still alive there is accepted or partially filled', () => {
    const status = (s: AlpacaOrder['status'], filled = '0') => statusFromAlpaca({ status: s, filled_qty: filled });
    expect([status('new'), status('held'), status('pending_new'), status('pending_cancel', '2'), status('done_for_day', '0.5')]).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'partially_filled',
      'partially_filled',
    ]);
    expect([status('filled', '3'), status('canceled'), status('expired'), status('replaced'), status('rejected')]).toEqual(['filled', 'canceled', 'expired', 'replaced', 'rejected']);
  });

  it('tells a take-profit leg (limit) from a stop-loss leg (stop or stop-limit)', () => {
    expect([legRoleOf({ type: 'limit' }), legRoleOf({ type: 'stop' }), legRoleOf({ type: 'stop_limit' }), legRoleOf({ type: 'market' })]).toEqual(['take_profit', 'stop_loss', 'stop_loss', null]);
  });

  it('builds an order placed elsewhere from Alpaca’s fields, exactly', () => {
    const order = orderFromAlpaca(
      {
        id: 'a9',
        client_order_id: 'web-1',
        created_at: '2024-03-15T14:00:00.5Z',
        symbol: 'MSFT',
        qty: '7',
        filled_qty: '2',
        filled_avg_price: '410.125',
        type: 'limit',
        side: 'sell',
        time_in_force: 'gtc',
        limit_price: '410.10',
        status: 'partially_filled',
      },
      null,
    );
    expect(order).toMatchObject({ id: 'alpaca:a9', clientOrderId: 'web-1', side: 'sell', type: 'limit', timeInForce: 'gtc', status: 'partially_filled', createdAt: Date.UTC(2024, 2, 15, 14, 0, 0, 500) });
    expect([order.quantity.toFixed(), order.filledQuantity.toFixed(), order.averageFillPrice?.toFixed(), order.limitPrice?.toFixed()]).toEqual(['7', '2', '410.125', '410.1']);
  });
});
