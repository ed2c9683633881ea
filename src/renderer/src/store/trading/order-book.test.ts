import { describe, expect, it } from 'vitest';
import { mergeFills, newerSnapshot, upsertOrders } from './order-book';
import { T0, fill, order, snapshot } from './testing/trading-fixtures';

describe('upsertOrders', () => {
  it('adds new orders and replaces a version with a newer updatedAt', () => {
    const book = upsertOrders({}, [order('o1'), order('o2')]);
    const next = upsertOrders(book, [order('o1', { status: 'filled', updatedAt: T0 + 5 })]);
    expect(next['o1']?.status).toBe('filled');
    expect(next['o2']?.status).toBe('accepted');
  });

  it('keeps the newer version when an older update arrives late, and returns the same book', () => {
    const book = upsertOrders({}, [order('o1', { status: 'canceled', updatedAt: T0 + 10 })]);
    const next = upsertOrders(book, [order('o1', { status: 'accepted', updatedAt: T0 + 3 })]);
    expect(next).toBe(book);
    expect(next['o1']?.status).toBe('canceled');
  });

  it('drops the oldest finished orders beyond the cap but never a working one', () => {
    const book = upsertOrders({}, [
      order('old-working', { updatedAt: T0 }),
      order('old-done', { status: 'filled', updatedAt: T0 + 1 }),
      order('new-done', { status: 'canceled', updatedAt: T0 + 2 }),
    ]);
    const next = upsertOrders(book, [order('newest', { updatedAt: T0 + 3 })], 3);
    expect(Object.keys(next).sort()).toEqual(['new-done', 'newest', 'old-working']);
  });
});

describe('mergeFills', () => {
  it('keeps each fill id once, newest first', () => {
    const merged = mergeFills([fill('f1', { time: T0 })], [fill('f2', { time: T0 + 2 }), fill('f1', { time: T0 }), fill('f3', { time: T0 + 1 })]);
    expect(merged.map((f) => f.id)).toEqual(['f2', 'f3', 'f1']);
  });

  it('returns the same list when nothing is new', () => {
    const current = [fill('f1')];
    expect(mergeFills(current, [fill('f1')])).toBe(current);
  });

  it('keeps at most the cap, dropping the oldest', () => {
    const merged = mergeFills([], [fill('a', { time: 1 }), fill('b', { time: 3 }), fill('c', { time: 2 })], 2);
    expect(merged.map((f) => f.id)).toEqual(['b', 'c']);
  });
});

describe('newerSnapshot', () => {
  it('takes the snapshot with the later account time', () => {
    const early = snapshot(T0);
    const late = snapshot(T0 + 1);
    expect(newerSnapshot(late, early)).toBe(late);
    expect(newerSnapshot(early, late)).toBe(late);
    expect(newerSnapshot(null, early)).toBe(early);
  });
});
