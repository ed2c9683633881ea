import { describe, expect, it } from 'vitest';
import { Decimal, fromFloat, toDecimalString } from '@shared/money/decimal';
import { allInQuantity } from '../strategy/builtin/all-in';
import { floatToTicks, formatUnits, parseUnits } from './scaled';
import { mulberry32 } from '../ports/random';

describe('scaled integers', () => {
  it('rounds floats to the tick exactly as fromFloat, or declines', () => {
    const random = mulberry32(7);
    let taken = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const k = i % 7;
      const value = i % 3 === 0 ? Math.round(random() * 1e6) / 100 + 0.01 * (i % 5) : random() * 10 ** (i % 6);
      const ticks = floatToTicks(value, k);
      if (ticks === null) continue;
      taken += 1;
      expect(formatUnits(ticks, k)).toBe(toDecimalString(fromFloat(value, new Decimal(10).pow(-k))));
    }
    expect(taken).toBeGreaterThan(15_000);
    expect(floatToTicks(100.125, 2)).toBeNull(); // a half tick: decided by the decimals
    expect(floatToTicks(100.38000000000001, 2)).toBe(10038);
  });

  it('formats and parses units as toDecimalString writes and decimal.js reads', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 20_000; i += 1) {
      const k = i % 10;
      const units = Math.floor((random() - 0.3) * 10 ** (1 + (i % 15)));
      const text = formatUnits(units, k);
      const decimal = new Decimal(units).dividedBy(new Decimal(10).pow(k));
      expect(text).toBe(toDecimalString(decimal));
      if (units >= 0) expect(parseUnits(text, k)).toBe(units);
    }
    expect(parseUnits('12.340', 2)).toBe(1234);
    expect(parseUnits('12.345', 2)).toBeNull();
    expect(parseUnits('99999999999999999', 0)).toBeNull();
  });

  it('sizes an all-in order as the decimal division does, exact quotients included', () => {
    const random = mulberry32(3);
    for (let i = 0; i < 5_000; i += 1) {
      const close = Math.round(random() * 50_000) / 100 + 0.01;
      const cash = i % 4 === 0 ? new Decimal(close).times(1 + Math.floor(random() * 900)) : new Decimal(Math.round(random() * 1e9) / 100);
      expect(allInQuantity(cash, close).toFixed()).toBe(cash.dividedBy(close).floor().toFixed());
    }
  });
});
