import { describe, expect, it } from 'vitest';
import { order } from '../../store/trading/testing/trading-fixtures';
import { orderView } from './order-view';
import { formatTradeTime } from './trade-time';

describe('orderView', () => {
  it('describes a working limit order', () => {
    const view = orderView(order('o1', { quantity: '1000', filledQuantity: '250', status: 'partially_filled', averageFillPrice: '450.1' }), 'utc');
    expect(view).toMatchObject({
      time: '14 Nov 22:13:20',
      side: 'BUY',
      type: 'LMT',
      quantity: '1,000',
      filled: '250',
      limit: '450.25',
      stop: '',
      timeInForce: 'DAY',
      status: 'Partial',
      averageFill: '450.10',
      rejection: null,
      working: true,
      editable: { quantity: true, limit: true, stop: false },
    });
  });

  it('lets a working stop-limit change both prices but not a trailing stop', () => {
    const stopLimit = orderView(order('o1', { type: 'stop_limit', stopPrice: '449', side: 'sell' }), 'utc');
    expect(stopLimit).toMatchObject({ side: 'SELL', type: 'STP LMT', stop: '449.00', editable: { quantity: true, limit: true, stop: true } });
    const trailing = orderView(order('o2', { type: 'trailing_stop', limitPrice: null, stopPrice: '447.5', trailPercent: '1.5' }), 'utc');
    expect(trailing).toMatchObject({ type: 'TRAIL', stop: '447.50', editable: { quantity: true, limit: false, stop: false } });
  });

  it('explains a rejection with the rule and its numbers', () => {
    const view = orderView(
      order('o1', { status: 'rejected', rejection: { rule: 'buying_power', message: 'Not enough buying power', limit: '54975', actual: '60000' } }),
      'utc',
    );
    expect(view.rejection).toBe('Buying power: Not enough buying power (limit 54975, actual 60000)');
    expect(view.working).toBe(false);
    expect(view.editable).toEqual({ quantity: false, limit: false, stop: false });
  });
});

describe('formatTradeTime', () => {
  it('shows date and time in the clock zone', () => {
    expect(formatTradeTime(Date.UTC(2024, 6, 1, 13, 30, 5), 'utc')).toBe('01 Jul 13:30:05');
    expect(formatTradeTime(Date.UTC(2024, 6, 1, 13, 30, 5), 'exchange')).toBe('01 Jul 09:30:05');
  });
});
