import { describe, expect, it } from 'vitest';
import { PlaceOrder } from '@shared/dto/trading';
import { EMPTY_TICKET, type TicketForm } from './ticket-form';
import { buildOrder } from './ticket-order';

const form = (change: Partial<TicketForm>): TicketForm => ({ ...EMPTY_TICKET, quantity: '100', ...change });

function built(change: Partial<TicketForm>): unknown {
  const result = buildOrder(form(change), 'SIM:SPY');
  if (!result.ok) throw new Error(`not valid: ${JSON.stringify(result.errors)}`);
  // Whatever the ticket builds, the engine's own schema takes.
  expect(PlaceOrder.safeParse(result.order).success).toBe(true);
  return result.order;
}

const base = { symbol: 'SIM:SPY', timeInForce: 'day', extendedHours: false, orderClass: 'simple', source: 'ui' };

describe('buildOrder: form → PlaceOrder', () => {
  it('maps a market order by quantity', () => {
    expect(built({ side: 'sell', quantity: ' 25.50 ' })).toEqual({ ...base, side: 'sell', type: 'market', quantity: '25.5' });
  });

  it('maps a market order by notional, without a quantity', () => {
    expect(built({ sizeMode: 'notional', notional: '2500.00' })).toEqual({ ...base, side: 'buy', type: 'market', notional: '2500' });
  });

  it('sends only the prices the type uses, even when other fields still hold text', () => {
    const leftovers = { limitPrice: '101.25', stopPrice: '99', trailAmount: '1', trailPercent: '2' };
    expect(built({ ...leftovers, type: 'limit', timeInForce: 'gtc', extendedHours: true })).toEqual({
      ...base,
      side: 'buy',
      type: 'limit',
      quantity: '100',
      limitPrice: '101.25',
      timeInForce: 'gtc',
      extendedHours: true,
    });
    expect(built({ ...leftovers, type: 'stop_limit' })).toEqual({ ...base, side: 'buy', type: 'stop_limit', quantity: '100', limitPrice: '101.25', stopPrice: '99' });
    expect(built({ ...leftovers, type: 'trailing_stop', trailMode: 'percent' })).toEqual({
      ...base,
      side: 'buy',
      type: 'trailing_stop',
      quantity: '100',
      trailPercent: '2',
    });
  });

  it('drops extended hours from anything but a limit', () => {
    expect(built({ type: 'stop', stopPrice: '99', extendedHours: true })).toMatchObject({ extendedHours: false });
  });

  it('maps a bracket with a stop-limit stop-loss', () => {
    expect(built({ type: 'limit', limitPrice: '100', orderClass: 'bracket', takeProfitLimit: '110', stopLossStop: '95', stopLossLimit: '94.50' })).toEqual({
      ...base,
      side: 'buy',
      type: 'limit',
      quantity: '100',
      limitPrice: '100',
      orderClass: 'bracket',
      takeProfit: { limitPrice: '110' },
      stopLoss: { stopPrice: '95', limitPrice: '94.5' },
    });
  });

  it('maps an OTO with its one exit', () => {
    expect(built({ orderClass: 'oto', stopLossStop: '95' })).toEqual({
      ...base,
      side: 'buy',
      type: 'market',
      quantity: '100',
      orderClass: 'oto',
      stopLoss: { stopPrice: '95' },
    });
  });

  it('sends an OCO as its take-profit limit with the stop-loss beside it', () => {
    expect(built({ side: 'sell', type: 'stop', stopPrice: '1', orderClass: 'oco', takeProfitLimit: '110', stopLossStop: '90' })).toEqual({
      ...base,
      side: 'sell',
      type: 'limit',
      quantity: '100',
      limitPrice: '110',
      orderClass: 'oco',
      takeProfit: { limitPrice: '110' },
      stopLoss: { stopPrice: '90' },
    });
  });

  it('returns the messages instead of an order when the form is not complete', () => {
    expect(buildOrder(form({ quantity: '0' }), 'SIM:SPY')).toEqual({ ok: false, errors: { quantity: 'Quantity must be greater than zero' } });
  });
});
