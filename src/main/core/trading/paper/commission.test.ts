import { describe, expect, it } from 'vitest';
import type { CommissionModel } from '@shared/dto/trading';
import { Decimal, money, price, quantity } from '@shared/money/decimal';
import { tradingDayOf } from '../../market-data/calendar';
import { commissionForFill, estimateCommission, MonthlyVolume, tierRate, type OrderCommissionState } from './commission';

const fresh: OrderCommissionState = { filledQuantity: quantity(0), filledValue: money(0), charged: money(0), raw: new Decimal(0) };
const estimate = (model: CommissionModel, qty: string, px: string, month = '0'): string =>
  estimateCommission(model, quantity(qty), price(px), new Decimal(month)).toFixed(2);

/** Runs fills of one order through the model; returns each fill's commission. */
function charges(model: CommissionModel, fills: [string, string][]): string[] {
  let state = fresh;
  return fills.map(([qty, px]) => {
    const result = commissionForFill(model, { quantity: quantity(qty), price: price(px) }, state, new Decimal(0));
    const value = quantity(qty).times(px);
    state = {
      filledQuantity: quantity(state.filledQuantity.plus(qty)),
      filledValue: money(state.filledValue.plus(value)),
      charged: money(state.charged.plus(result.commission)),
      raw: result.raw,
    };
    return result.commission.toFixed(2);
  });
}

describe('per_share', () => {
  const model: CommissionModel = { model: 'per_share', perShare: '0.005', minimum: '1.00', maximumPercent: '1' };

  it('charges units × rate, at least the minimum', () => {
    expect(estimate(model, '1000', '50')).toBe('5.00');
    expect(estimate(model, '100', '50')).toBe('1.00'); // 0.50 raw, the minimum applies
  });

  it('lets the maximum percent of value win over the minimum on tiny trades', () => {
    // 10 × 0.50 = 5.00 of value; 1 % of it is 0.05; raw 0.05; the minimum 1.00 is capped to 0.05.
    expect(estimate(model, '10', '0.50')).toBe('0.05');
  });

  it('charges the minimum once per order across partial fills', () => {
    // Running totals: 100 → max(0.50, 1) = 1.00; 400 → 2.00; 450 → 2.25.
    expect(charges(model, [['100', '50'], ['300', '50'], ['50', '50']])).toEqual(['1.00', '1.00', '0.25']);
  });

  it('rounds to cents half-even', () => {
    const plain: CommissionModel = { model: 'per_share', perShare: '0.0035', minimum: '0', maximumPercent: null };
    expect(estimate(plain, '150', '10')).toBe('0.52'); // 0.525 → 0.52
    expect(estimate(plain, '50', '10')).toBe('0.18'); // 0.175 → 0.18
  });
});

describe('per_order, bps and none', () => {
  it('charges a per-order amount on the first fill only', () => {
    expect(charges({ model: 'per_order', amount: '4.95' }, [['30', '100'], ['70', '100']])).toEqual(['4.95', '0.00']);
  });

  it('charges basis points of value with a minimum per fill', () => {
    const model: CommissionModel = { model: 'bps', bps: '1.5', minimum: '0.35' };
    // 100 × 187.33 = 18 733 × 0.00015 = 2.80995 → 2.81.
    expect(estimate(model, '100', '187.33')).toBe('2.81');
    // 1 × 20 × 0.00015 = 0.003 → the minimum, on each fill.
    expect(charges(model, [['1', '20'], ['1', '20']])).toEqual(['0.35', '0.35']);
  });

  it('charges nothing with no model', () => {
    expect(estimate({ model: 'none' }, '100', '187.33')).toBe('0.00');
  });
});

describe('tiered', () => {
  const tiers = [
    { upTo: '300000', perShare: '0.0035' },
    { upTo: '3000000', perShare: '0.002' },
    { upTo: null, perShare: '0.0015' },
  ];
  const model: CommissionModel = { model: 'tiered', tiers, minimum: '0.35' };

  it('uses the first tier whose upTo is above the units traded this month', () => {
    expect(tierRate(tiers, new Decimal(0)).toFixed()).toBe('0.0035');
    expect(tierRate(tiers, new Decimal(299_999)).toFixed()).toBe('0.0035');
    expect(tierRate(tiers, new Decimal(300_000)).toFixed()).toBe('0.002');
    expect(tierRate(tiers, new Decimal(5_000_000)).toFixed()).toBe('0.0015');
  });

  it('charges the tier rate with a minimum', () => {
    expect(estimate(model, '1000', '50', '0')).toBe('3.50');
    expect(estimate(model, '1000', '50', '300000')).toBe('2.00');
    expect(estimate(model, '1000', '50', '5000000')).toBe('1.50');
    expect(estimate(model, '10', '50', '0')).toBe('0.35'); // 0.035 raw
  });
});

describe('MonthlyVolume', () => {
  it('counts units per New York month and starts each month from zero', () => {
    const volume = new MonthlyVolume((time) => tradingDayOf(time).slice(0, 7));
    const march31Late = Date.UTC(2024, 3, 1, 3, 0); // 23:00 ET on March 31
    const april1 = Date.UTC(2024, 3, 1, 14, 0);
    volume.add(march31Late, new Decimal(500));
    expect(volume.before(march31Late).toFixed()).toBe('500');
    expect(volume.before(april1).toFixed()).toBe('0');
    volume.add(april1, new Decimal(20));
    expect(volume.before(april1).toFixed()).toBe('20');
  });
});
