import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import { MarkBoard } from './mark-board';

const CENT = new Decimal('0.01');

describe('MarkBoard', () => {
  it('rounds the last live price to the tick and keeps the newest', () => {
    const marks = new MarkBoard();
    marks.update('X', 10.004, 2_000);
    marks.update('X', 9, 1_000); // older: ignored
    expect(marks.price('X', CENT)?.toFixed()).toBe('10');
    expect(marks.time('X')).toBe(2_000);
    expect(marks.price('Y', CENT)).toBeNull();
  });

  it('values a symbol by its last known price before its first live event, asking once; a live event replaces it', () => {
    const asked: string[] = [];
    const marks = new MarkBoard((symbol) => {
      asked.push(symbol);
      return symbol === 'X' ? { price: 101.25, time: 5_000 } : null;
    });
    expect(marks.price('X', CENT)?.toFixed()).toBe('101.25');
    expect(marks.time('X')).toBe(5_000);
    expect(marks.price('X', CENT)?.toFixed()).toBe('101.25');
    expect(asked).toEqual(['X']);
    marks.update('X', 102.5, 6_000);
    expect(marks.price('X', CENT)?.toFixed()).toBe('102.5');
    // Nothing known: asked again next time (the market data may have it by then).
    expect(marks.price('Y', CENT)).toBeNull();
    expect(marks.price('Y', CENT)).toBeNull();
    expect(asked).toEqual(['X', 'Y', 'Y']);
  });

  it('ignores a last known price that is not a positive number', () => {
    const marks = new MarkBoard(() => ({ price: Number.NaN, time: 1 }));
    expect(marks.price('X', CENT)).toBeNull();
    expect(new MarkBoard(() => ({ price: 0, time: 1 })).price('X', CENT)).toBeNull();
  });
});
