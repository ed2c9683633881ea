import { describe, expect, it } from 'vitest';
import { upsertOrders } from '../../store/trading/order-book';
import { T0, order } from '../../store/trading/testing/trading-fixtures';
import { filterCounts, filterOrders } from './blotter-filter';

const book = upsertOrders({}, [
  order('w', { status: 'accepted', createdAt: T0 + 3 }),
  order('f', { status: 'filled', createdAt: T0 + 2 }),
  order('r', { status: 'rejected', createdAt: T0 + 1 }),
  order('x', { status: 'replaced', createdAt: T0 }),
]);

describe('blotter filters', () => {
  it('shows working, filled, canceled (with rejected and replaced) or every order', () => {
    expect(filterOrders(book, 'working').map((o) => o.id)).toEqual(['w']);
    expect(filterOrders(book, 'filled').map((o) => o.id)).toEqual(['f']);
    expect(filterOrders(book, 'canceled').map((o) => o.id)).toEqual(['r', 'x']);
    expect(filterOrders(book, 'all').map((o) => o.id)).toEqual(['w', 'f', 'r', 'x']);
  });

  it('counts the orders behind each filter', () => {
    expect(filterCounts(book)).toEqual({ working: 1, filled: 1, canceled: 2, all: 4 });
  });
});
