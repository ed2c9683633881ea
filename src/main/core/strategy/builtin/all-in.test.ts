import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import type { StrategyContext, StrategyOrder } from '../strategy-api';
import { allInQuantity, buyAllIn } from './all-in';

/** The parts of a context buyAllIn reads: a decimal cash (and its float), and the orders it sends. */
function contextWith(cash: Decimal, sent: StrategyOrder[]): StrategyContext {
  return {
    portfolio: { cash: () => cash, cashValue: () => cash.toNumber(), equity: () => cash, position: () => new Decimal(0) },
    orders: { submit: (order: StrategyOrder) => (sent.push(order), 'id'), cancel: () => undefined, cancelAll: () => undefined, open: () => [] },
  } as unknown as StrategyContext;
}

describe('buyAllIn', () => {
  it('buys floor(cash ÷ close): 100 000.00 at 99.95 is 1000 shares (99 950.00), at 0.03 is 3 333 333', () => {
    const sent: StrategyOrder[] = [];
    buyAllIn(contextWith(new Decimal('100000'), sent), 'X', 99.95);
    buyAllIn(contextWith(new Decimal('100000'), sent), 'X', 0.03);
    expect(sent).toEqual([
      { symbol: 'X', side: 'buy', type: 'market', quantity: '1000' },
      { symbol: 'X', side: 'buy', type: 'market', quantity: '3333333' },
    ]);
  });

  it('sends exactly the quantity allInQuantity gives on the decimal, exact multiples and edges included', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 5_000; i += 1) {
      const close = Math.round(random() * 50_000) / 100 + 0.01;
      const cash = i % 3 === 0 ? new Decimal(close).times(1 + Math.floor(random() * 900)) : new Decimal(Math.round(random() * 1e9) / 100);
      const sent: StrategyOrder[] = [];
      buyAllIn(contextWith(cash, sent), 'X', close);
      const expected = allInQuantity(cash, close);
      expect(sent.map((order) => order.quantity)).toEqual(expected.greaterThan(0) ? [expected.toFixed()] : []);
    }
  });

  it('buys nothing without cash, with debt, or without a price; a cash beyond floats is left to the decimal', () => {
    const sent: StrategyOrder[] = [];
    for (const [cash, close] of [['0', 10], ['-50', 10], ['100', 0], ['100', Number.NaN], ['5', 10]] as const) buyAllIn(contextWith(new Decimal(cash), sent), 'X', close);
    expect(sent).toEqual([]);
    buyAllIn(contextWith(new Decimal('1e12'), sent), 'X', 0.01);
    expect(sent.map((order) => order.quantity)).toEqual(['100000000000000']);
  });
});
