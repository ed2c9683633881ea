import { describe, expect, it } from 'vitest';
import { upsertOrders } from './order-book';
import { allOrders, canceledOrders, fillsForSymbol, filledOrders, ordersForSymbol, workingOrders, workingOrdersForSymbol } from './trading-selectors';
import { T0, fill, order } from './testing/trading-fixtures';

const book = upsertOrders({}, [
  order('new', { status: 'pending_new', createdAt: T0 + 5 }),
  order('acc', { status: 'accepted', createdAt: T0 + 4, symbol: 'SIM:QQQ' }),
  order('part', { status: 'partially_filled', createdAt: T0 + 3 }),
  order('done', { status: 'filled', createdAt: T0 + 2 }),
  order('can', { status: 'canceled', createdAt: T0 + 1 }),
  order('rej', { status: 'rejected', createdAt: T0 + 6 }),
  order('exp', { status: 'expired', createdAt: T0 + 7 }),
  order('rep', { status: 'replaced', createdAt: T0 }),
]);
const ids = (orders: { id: string }[]): string[] => orders.map((o) => o.id);

describe('trading selectors', () => {
  it('lists every order newest first', () => {
    expect(ids(allOrders(book))).toEqual(['exp', 'rej', 'new', 'acc', 'part', 'done', 'can', 'rep']);
  });

  it('splits working, filled and canceled orders', () => {
    expect(ids(workingOrders(book))).toEqual(['new', 'acc', 'part']);
    expect(ids(filledOrders(book))).toEqual(['done']);
    expect(ids(canceledOrders(book))).toEqual(['exp', 'rej', 'can', 'rep']);
  });

  it('picks the orders and fills of one symbol', () => {
    expect(ids(ordersForSymbol(book, 'SIM:QQQ'))).toEqual(['acc']);
    expect(ids(workingOrdersForSymbol(book, 'SIM:SPY'))).toEqual(['new', 'part']);
    expect(ids(fillsForSymbol([fill('a'), fill('b', { symbol: 'SIM:QQQ' })], 'SIM:QQQ'))).toEqual(['b']);
  });
});
