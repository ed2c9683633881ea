import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, orderSummary, rejectionFigures } from './ticket-format';

describe('formatMoney and formatAmount', () => {
  it('shows money in cents with grouped thousands, rounding half to even', () => {
    expect(formatMoney('1234567.891')).toBe('1,234,567.89');
    expect(formatMoney('100000')).toBe('100,000.00');
    expect(formatMoney('-12.5')).toBe('\u221212.50');
    expect(formatMoney('0.125')).toBe('0.12');
    expect(formatMoney('0.135')).toBe('0.14');
    expect(formatMoney(null)).toBe('—');
  });

  it('shows prices and quantities with every decimal the engine sent', () => {
    expect(formatAmount('1234.000123')).toBe('1,234.000123');
    expect(formatAmount('250000')).toBe('250,000');
    expect(formatAmount('-3')).toBe('\u22123');
    expect(formatAmount(undefined)).toBe('—');
  });
});

describe('rejectionFigures', () => {
  it('names the limit and the actual value', () => {
    expect(rejectionFigures({ rule: 'max_order_notional', message: 'Too big', limit: '250000', actual: '312500.5' })).toBe(
      'limit 250,000 · actual 312,500.5',
    );
    expect(rejectionFigures({ rule: 'kill_switch', message: 'Tripped', limit: null, actual: null })).toBe('');
  });
});

describe('orderSummary', () => {
  it('says a simple order in two lines', () => {
    expect(orderSummary({ symbol: 'SIM:SPY', side: 'buy', type: 'limit', quantity: '1500', limitPrice: '101.25', timeInForce: 'gtc', extendedHours: true })).toEqual([
      'BUY 1,500 SIM:SPY',
      'Limit · limit 101.25 · GTC · extended hours',
    ]);
    expect(orderSummary({ symbol: 'AAPL', side: 'sell', type: 'market', notional: '2500' })).toEqual(['SELL $2,500 of AAPL', 'Market · Day']);
  });

  it('adds the legs of a multi-leg order', () => {
    expect(
      orderSummary({
        symbol: 'AAPL',
        side: 'buy',
        type: 'stop_limit',
        quantity: '10',
        stopPrice: '101',
        limitPrice: '102',
        orderClass: 'bracket',
        takeProfit: { limitPrice: '120' },
        stopLoss: { stopPrice: '95', limitPrice: '94.5' },
      }),
    ).toEqual(['BUY 10 AAPL', 'Stop limit · stop 101 · limit 102 · Day', 'Bracket · take-profit 120 · stop-loss 95 (limit 94.5)']);
  });
});
