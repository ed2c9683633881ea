import { describe, expect, it } from 'vitest';
import { OrderList } from './fast-lane';
import { FastOrder } from './fast-order';

const order = (n: number) => new FastOrder(`O${n}`, `bt-${n}`, 0, 'SIM', 'buy', Number.NaN, 'day', 10, 0, n);
const ids = (list: OrderList) => list.items.slice(0, list.size).map((o) => o.id);

describe('OrderList', () => {
  it('keeps creation order through removals from the front, middle and end', () => {
    const list = new OrderList();
    const [a, b, c, d] = [order(1), order(2), order(3), order(4)];
    for (const o of [a, b, c, d]) list.push(o);
    list.remove(b);
    expect(ids(list)).toEqual(['O1', 'O3', 'O4']);
    list.remove(a);
    list.remove(d);
    expect(ids(list)).toEqual(['O3']);
    list.remove(b); // not on it: nothing happens
    expect(ids(list)).toEqual(['O3']);
    list.remove(c);
    expect(list.size).toBe(0);
    list.push(d);
    expect(ids(list)).toEqual(['O4']);
    list.clear();
    expect(list.size).toBe(0);
  });
});
