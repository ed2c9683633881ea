import { describe, expect, it } from 'vitest';
import { price } from '@shared/money/decimal';
import { makeContext } from '../test-orders';
import { priceDeviationRule } from './price-deviation';

const limits = { maxPriceDeviationPercent: '10' };
const limitAt = (px: string) => ({ type: 'limit' as const, limitPrice: price(px) });

describe('price_deviation rule', () => {
  it('passes a limit inside the band and exactly at its edge', () => {
    expect(priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('105') }))).toEqual({ ok: true });
    expect(priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('110') }))).toEqual({ ok: true });
    expect(priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('90') }))).toEqual({ ok: true });
  });

  it('refuses a fat-fingered limit above the last price', () => {
    expect(priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('120') }))).toEqual({
      ok: false,
      rule: 'price_deviation',
      message: 'Limit price 120.00 is 20.00% from the last price 100.00, over the limit 10.00%',
      limit: '10',
      actual: '20',
    });
  });

  it('refuses one cent past the edge below the last price', () => {
    const verdict = priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('89.99') }));
    expect(verdict).toMatchObject({ ok: false, limit: '10', actual: '10.01' });
  });

  it('rounds the reported deviation up so it never reads as the limit', () => {
    // 110.000001 is 10.000001% above 100: past the limit only in the 6th place.
    const verdict = priceDeviationRule(makeContext({ limits, lastPrice: 100, order: limitAt('110.000001') }));
    expect(verdict).toMatchObject({
      ok: false,
      message: 'Limit price 110.000001 is 10.01% from the last price 100.00, over the limit 10.00%',
      actual: '10.0001',
    });
  });

  it('checks the stop price of stop and stop-limit orders', () => {
    const stop = makeContext({ limits, lastPrice: 100, order: { type: 'stop', stopPrice: price(80) } });
    expect(priceDeviationRule(stop)).toMatchObject({ ok: false, message: 'Stop price 80.00 is 20.00% from the last price 100.00, over the limit 10.00%' });
    const stopLimit = makeContext({ limits, lastPrice: 100, order: { type: 'stop_limit', stopPrice: price(95), limitPrice: price(70) } });
    expect(priceDeviationRule(stopLimit)).toMatchObject({ ok: false, actual: '30' });
    const inside = makeContext({ limits, lastPrice: 100, order: { type: 'stop_limit', stopPrice: price(95), limitPrice: price(94) } });
    expect(priceDeviationRule(inside)).toEqual({ ok: true });
  });

  it('passes when there is no last price to compare with', () => {
    expect(priceDeviationRule(makeContext({ limits, lastPrice: null, order: limitAt('500') }))).toEqual({ ok: true });
  });

  it('is off when the limit is null', () => {
    expect(priceDeviationRule(makeContext({ lastPrice: 100, order: limitAt('1000') }))).toEqual({ ok: true });
  });
});
