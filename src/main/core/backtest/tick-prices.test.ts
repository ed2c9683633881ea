import { describe, expect, it } from 'vitest';
import { Decimal, fromFloat } from '@shared/money/decimal';
import { TickPrices } from './tick-prices';

describe('TickPrices', () => {
  it('gives exactly fromFloat, first time and remembered, over many prices that share slots', () => {
    const tick = new Decimal('0.01');
    const prices = new TickPrices(tick);
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 40_000; i += 1) {
        const value = 50 + i * 0.0037;
        expect(prices.of(value).equals(fromFloat(value, tick))).toBe(true);
      }
    }
    expect(prices.of(100.005).toFixed()).toBe('100'); // half-even on the tick, like fromFloat
    expect(prices.of(100.015).toFixed()).toBe('100.02');
  });

  it('matches fromFloat on power-of-ten ticks of every size, halves included', () => {
    for (const text of ['1', '0.1', '0.0001', '0.00000001']) {
      const tick = new Decimal(text);
      const prices = new TickPrices(tick);
      for (let i = 0; i < 5_000; i += 1) {
        for (const value of [i * 0.005, 1234.5 + i * 0.00005, 0.5 + i, 3e-9 * i, -0.125 * i]) {
          expect(prices.of(value).equals(fromFloat(value, tick))).toBe(true);
        }
      }
    }
  });

  it('keeps its own tick, refuses what fromFloat refuses, and never confuses 0 with −0', () => {
    const nickels = new TickPrices(new Decimal('0.05'));
    expect(nickels.of(10.07).toFixed()).toBe('10.05');
    expect(() => nickels.of(Number.NaN)).toThrow(RangeError);
    expect(nickels.of(-0).isNegative()).toBe(fromFloat(-0, new Decimal('0.05')).isNegative());
    expect(nickels.of(0).isNegative()).toBe(false);
  });
});
