import { describe, expect, it } from 'vitest';
import { fill } from '../../store/trading/testing/trading-fixtures';
import { fillView } from './fill-view';

describe('fillView', () => {
  it('shows time, side, quantity, price and commission', () => {
    expect(fillView(fill('f1', { side: 'sell', quantity: '1500', price: '12.3456', commission: '0.375' }), 'utc')).toEqual({
      time: '14 Nov 22:13:20',
      symbol: 'SIM:SPY',
      side: 'SELL',
      quantity: '1,500',
      price: '12.3456',
      commission: '0.38',
    });
  });
});
