import { describe, expect, it } from 'vitest';
import { price, quantity } from '@shared/money/decimal';
import { makeContext } from '../test-orders';
import { buyingPowerRule, maxGrossExposureRule, maxOpenPositionsRule, maxPositionRule } from './exposure-rules';

const buy = (qty: number) => ({ side: 'buy' as const, quantity: quantity(qty) });
const sell = (qty: number) => ({ side: 'sell' as const, quantity: quantity(qty) });

describe('buying_power rule', () => {
  it('passes a buy that costs less than or exactly the buying power', () => {
    expect(buyingPowerRule(makeContext({ order: buy(100), lastPrice: 100, buyingPower: 10_001 }))).toEqual({ ok: true });
    expect(buyingPowerRule(makeContext({ order: buy(100), lastPrice: 100, buyingPower: 10_000 }))).toEqual({ ok: true });
  });

  it('refuses a buy that costs more, valued at its limit price', () => {
    const ctx = makeContext({ order: { ...buy(100), type: 'limit', limitPrice: price('100.01') }, lastPrice: 99, buyingPower: 10_000 });
    expect(buyingPowerRule(ctx)).toEqual({
      ok: false,
      rule: 'buying_power',
      message: 'Order cost 10,001.00 exceeds the buying power 10,000.00',
      limit: '10000',
      actual: '10001',
    });
  });

  it('always passes a closing order, whatever the buying power', () => {
    expect(buyingPowerRule(makeContext({ order: sell(100), position: 100, buyingPower: 0, marginMultiplier: 1 }))).toEqual({ ok: true });
    expect(buyingPowerRule(makeContext({ order: buy(100), position: -300, buyingPower: 0 }))).toEqual({ ok: true });
  });

  it('charges only the opening part of a sell that flips a long to short', () => {
    // Sell 500 with 300 long at 100: 200 open short, cost 20,000.
    expect(buyingPowerRule(makeContext({ order: sell(500), position: 300, buyingPower: 20_000 }))).toEqual({ ok: true });
    expect(buyingPowerRule(makeContext({ order: sell(500), position: 300, buyingPower: '19999.99' }))).toMatchObject({
      ok: false,
      actual: '20000',
    });
  });

  it('refuses short selling in a cash account', () => {
    const ctx = makeContext({ order: sell(150), position: 100, marginMultiplier: 1 });
    expect(buyingPowerRule(ctx)).toEqual({
      ok: false,
      rule: 'buying_power',
      message: 'Short selling needs a margin account (selling 150 AAPL with 100 available to sell)',
      limit: '100',
      actual: '150',
    });
  });
});

describe('max_position rule', () => {
  const limits = { maxPositionNotional: '500000' };

  it('passes a position up to and at the limit', () => {
    expect(maxPositionRule(makeContext({ limits, order: buy(1000), position: 4000, lastPrice: 100 }))).toEqual({ ok: true });
  });

  it('refuses a buy that takes the position past the limit', () => {
    // (4,000 held + 200 working + 1,000) × 100 = 520,000.
    const ctx = makeContext({ limits, order: buy(1000), position: 4000, working: 200, lastPrice: 100 });
    expect(maxPositionRule(ctx)).toEqual({
      ok: false,
      rule: 'max_position',
      message: 'Position in AAPL would be 520,000.00, over the limit 500,000.00',
      limit: '500000',
      actual: '520000',
    });
  });

  it('judges short positions by their size', () => {
    expect(maxPositionRule(makeContext({ limits, order: sell(5001), lastPrice: 100 }))).toMatchObject({ ok: false, actual: '500100' });
  });

  it('lets an oversized position be reduced', () => {
    expect(maxPositionRule(makeContext({ limits, order: sell(1000), position: 9000, lastPrice: 100 }))).toEqual({ ok: true });
  });

  it('is off when the limit is null', () => {
    expect(maxPositionRule(makeContext({ order: buy(1_000_000), lastPrice: 100 }))).toEqual({ ok: true });
  });
});

describe('max_open_positions rule', () => {
  const limits = { maxOpenPositions: 3 };

  it('lets a new symbol open while there is room', () => {
    expect(maxOpenPositionsRule(makeContext({ limits, openPositionSymbols: ['MSFT', 'TSLA'] }))).toEqual({ ok: true });
  });

  it('refuses a new symbol when the open positions already number the limit', () => {
    expect(maxOpenPositionsRule(makeContext({ limits, openPositionSymbols: ['MSFT', 'TSLA', 'NVDA'] }))).toEqual({
      ok: false,
      rule: 'max_open_positions',
      message: 'A position in AAPL would make 4 open positions, over the limit 3',
      limit: '3',
      actual: '4',
    });
  });

  it('lets an order in a symbol already held or already worked through', () => {
    const full = ['MSFT', 'TSLA', 'AAPL'];
    expect(maxOpenPositionsRule(makeContext({ limits, openPositionSymbols: full, position: 100 }))).toEqual({ ok: true });
    const others = ['MSFT', 'TSLA', 'NVDA'];
    expect(maxOpenPositionsRule(makeContext({ limits, openPositionSymbols: others, working: 50 }))).toEqual({ ok: true });
  });

  it('is off when the limit is null', () => {
    expect(maxOpenPositionsRule(makeContext({ openPositionSymbols: ['A', 'B', 'C', 'D'] }))).toEqual({ ok: true });
  });
});

describe('max_gross_exposure rule', () => {
  const limits = { maxGrossExposure: '1000000' };

  it('passes when exposure after the order is at most the limit', () => {
    expect(maxGrossExposureRule(makeContext({ limits, grossExposure: 990_000, order: buy(100), lastPrice: 100 }))).toEqual({ ok: true });
  });

  it('refuses when the order takes gross exposure past the limit', () => {
    const ctx = makeContext({ limits, grossExposure: 990_000, order: buy(200), lastPrice: 100 });
    expect(maxGrossExposureRule(ctx)).toEqual({
      ok: false,
      rule: 'max_gross_exposure',
      message: 'Gross exposure would be 1,010,000.00, over the limit 1,000,000.00',
      limit: '1000000',
      actual: '1010000',
    });
  });

  it('passes closing orders even over the limit', () => {
    expect(maxGrossExposureRule(makeContext({ limits, grossExposure: 2_000_000, order: sell(100), position: 500 }))).toEqual({ ok: true });
  });

  it('is off when the limit is null', () => {
    expect(maxGrossExposureRule(makeContext({ grossExposure: 1e12, order: buy(100) }))).toEqual({ ok: true });
  });
});
