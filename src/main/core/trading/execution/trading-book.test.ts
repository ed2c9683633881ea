import { describe, expect, it } from 'vitest';
import { makeOrder } from '../model/test-order';
import { lateLookup, TradingBook } from './trading-book';

describe('TradingBook', () => {
  it('finds orders by id, client id and parent, and keeps each child once in creation order across updates', () => {
    const book = new TradingBook();
    const entry = makeOrder({ id: 'E', clientOrderId: 'c-E', status: 'accepted' });
    const stop = makeOrder({ id: 'S', clientOrderId: 'c-S', parentId: 'E', legRole: 'stop_loss', status: 'accepted' });
    const take = makeOrder({ id: 'T', clientOrderId: 'c-T', parentId: 'E', legRole: 'take_profit', status: 'accepted' });
    for (const order of [entry, stop, take]) book.put(order);
    book.put({ ...stop, status: 'canceled' });
    book.put({ ...entry, status: 'filled' });

    expect(book.children('E').map((order) => [order.id, order.status])).toEqual([['S', 'canceled'], ['T', 'accepted']]);
    expect(book.children('S')).toEqual([]);
    expect(book.byClientOrderId('c-T')?.id).toBe('T');
    expect(book.get('E')?.status).toBe('filled');
    expect(book.open().map((order) => order.id)).toEqual(['T']);
  });

  it('reads through a late lookup whichever book is current at each call', () => {
    let current = new TradingBook();
    const lookup = lateLookup(() => current);
    expect(lookup.get('A')).toBeUndefined();
    current = new TradingBook();
    current.put(makeOrder({ id: 'A', status: 'accepted' }));
    expect(lookup.get('A')?.id).toBe('A');
    expect(lookup.open().map((order) => order.id)).toEqual(['A']);
  });
});
