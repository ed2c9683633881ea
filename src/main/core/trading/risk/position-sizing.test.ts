import { describe, expect, it } from 'vitest';
import { Decimal, money, price, toDecimalString } from '@shared/money/decimal';
import { sizePosition } from './position-sizing';

const size = (equity: string, riskPercent: string, entry: string, stop: string, lot: string) => {
  const sized = sizePosition({
    equity: money(equity),
    riskPercent: new Decimal(riskPercent),
    entryPrice: price(entry),
    stopPrice: price(stop),
    lotSize: new Decimal(lot),
  });
  return {
    quantity: toDecimalString(sized.quantity),
    riskAmount: toDecimalString(sized.riskAmount),
    perUnitRisk: toDecimalString(sized.perUnitRisk),
  };
};

describe('sizePosition', () => {
  it('risks 1% of 100,000 on a 2.00 stop: 500 shares', () => {
    expect(size('100000', '1', '50', '48', '1')).toEqual({ quantity: '500', riskAmount: '1000', perUnitRisk: '2' });
  });

  it('sizes a short the same way (stop above entry)', () => {
    expect(size('100000', '1', '48', '50', '1')).toEqual({ quantity: '500', riskAmount: '1000', perUnitRisk: '2' });
  });

  it('rounds down to whole shares: 750 / 1.30 = 576.9 → 576', () => {
    // 50,000 × 1.5% = 750; 750 / (20.00 − 18.70) = 576.92…
    expect(size('50000', '1.5', '20.00', '18.70', '1')).toEqual({ quantity: '576', riskAmount: '750', perUnitRisk: '1.3' });
  });

  it('rounds down to the lot: 1,950 units in lots of 100 → 1,900', () => {
    // 39,000 × 0.5% = 195; 195 / 0.10 = 1,950.
    expect(size('39000', '0.5', '10.10', '10.00', '100')).toMatchObject({ quantity: '1900', riskAmount: '195' });
  });

  it('gives 0 when one lot already risks more than the budget', () => {
    // 10,000 × 1% = 100; a lot of 100 at 2.00 risk = 200.
    expect(size('10000', '1', '50', '48', '100').quantity).toBe('0');
  });

  it('sizes crypto in lots of 0.001', () => {
    // 25,000 × 2% = 500; 500 / (64,250 − 61,000) = 0.153846… → 0.153
    expect(size('25000', '2', '64250', '61000', '0.001')).toEqual({ quantity: '0.153', riskAmount: '500', perUnitRisk: '3250' });
  });

  it('keeps the loss at the stop within the risk amount even for repeating quotients', () => {
    // 1,000 / 0.03 = 33,333.33… → 33,333; 33,333 × 0.03 = 999.99 ≤ 1,000.
    const sized = size('100000', '1', '10.03', '10.00', '1');
    expect(sized.quantity).toBe('33333');
    expect(new Decimal(sized.quantity).times('0.03').lessThanOrEqualTo(1000)).toBe(true);
  });

  it('gives 0 for a stop at the entry, instead of dividing by zero', () => {
    expect(size('100000', '1', '50', '50', '1')).toEqual({ quantity: '0', riskAmount: '1000', perUnitRisk: '0' });
  });

  it('gives 0 and no risk amount when there is no equity', () => {
    expect(size('-2500', '1', '50', '48', '1')).toEqual({ quantity: '0', riskAmount: '0', perUnitRisk: '2' });
  });
});
