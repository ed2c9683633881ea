import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_LIMITS } from '@shared/dto/trading';
import { price, quantity } from '@shared/money/decimal';
import { checkOrder, isReducing, RISK_RULES } from './risk-engine';
import { makeContext, makeOrder, T0 } from './test-orders';

const tripped = { tripped: true, reason: 'Tripped by the trader', trippedAt: T0 };

describe('checkOrder', () => {
  it('passes an ordinary order under the default limits', () => {
    const ctx = makeContext({ limits: DEFAULT_RISK_LIMITS, order: { type: 'limit', limitPrice: price('99.50') }, lastPrice: 100, buyingPower: 50_000 });
    expect(checkOrder(ctx)).toEqual({ ok: true });
  });

  it('runs the rules in the documented order', () => {
    expect(RISK_RULES.map(([rule]) => rule)).toEqual([
      'kill_switch',
      'max_daily_loss',
      'max_order_quantity',
      'no_price',
      'max_order_notional',
      'price_deviation',
      'duplicate_order',
      'buying_power',
      'max_position',
      'max_open_positions',
      'max_gross_exposure',
    ]);
  });

  it('reports the first rule that fails', () => {
    // 5,000 at a limit of 150 against a last of 100: breaks quantity, notional, deviation and buying power.
    const input = {
      limits: { maxOrderQuantity: '1000', maxOrderNotional: '250000', maxPriceDeviationPercent: '10' },
      order: { type: 'limit' as const, limitPrice: price(150), quantity: quantity(5000) },
      lastPrice: 100,
      buyingPower: 10_000,
    };
    expect(checkOrder(makeContext(input))).toMatchObject({ ok: false, rule: 'max_order_quantity', limit: '1000', actual: '5000' });
    const withoutQuantity = { ...input, limits: { ...input.limits, maxOrderQuantity: null } };
    expect(checkOrder(makeContext(withoutQuantity))).toMatchObject({ rule: 'max_order_notional', actual: '750000' });
    const onlyDeviation = { ...input, limits: { maxPriceDeviationPercent: '10' } };
    expect(checkOrder(makeContext(onlyDeviation))).toMatchObject({ rule: 'price_deviation', actual: '50' });
    expect(checkOrder(makeContext({ ...input, limits: {} }))).toMatchObject({ rule: 'buying_power', actual: '750000' });
    expect(checkOrder(makeContext({ ...input, killSwitch: tripped }))).toMatchObject({ rule: 'kill_switch' });
  });

  it('refuses a market order with no price before any rule that would need one', () => {
    const ctx = makeContext({ limits: DEFAULT_RISK_LIMITS, lastPrice: null });
    expect(checkOrder(ctx)).toMatchObject({ ok: false, rule: 'no_price' });
  });

  it('refuses the same order twice within the duplicate window', () => {
    const first = makeOrder({ id: 'O-1', createdAt: T0 - 500 });
    const ctx = makeContext({ limits: DEFAULT_RISK_LIMITS, order: { id: 'O-2' }, recentOrders: [first] });
    expect(checkOrder(ctx)).toMatchObject({ ok: false, rule: 'duplicate_order', limit: '2000', actual: '500' });
  });
});

describe('checkOrder with the kill switch tripped', () => {
  const closeLong = { side: 'sell' as const, quantity: quantity(300) };

  it('refuses a trader closing a position', () => {
    const ctx = makeContext({ limits: DEFAULT_RISK_LIMITS, killSwitch: tripped, order: closeLong, position: 300 });
    expect(checkOrder(ctx)).toEqual({
      ok: false,
      rule: 'kill_switch',
      message: 'Trading is halted by the kill switch: Tripped by the trader',
      limit: null,
      actual: null,
    });
  });

  it('lets the system flatten the position, even past the daily loss limit', () => {
    const ctx = makeContext({
      limits: DEFAULT_RISK_LIMITS,
      killSwitch: tripped,
      dayPnl: -7500,
      order: { ...closeLong, source: 'system' },
      position: 300,
      marginMultiplier: 1,
      buyingPower: 0,
    });
    expect(isReducing(ctx)).toBe(true);
    expect(checkOrder(ctx)).toEqual({ ok: true });
  });
});

describe('checkOrder past the daily loss limit', () => {
  const limits = { ...DEFAULT_RISK_LIMITS, maxDailyLoss: '5000' };

  it('refuses an opening order', () => {
    expect(checkOrder(makeContext({ limits, dayPnl: '-5000.01' }))).toMatchObject({ ok: false, rule: 'max_daily_loss', actual: '5000.01' });
  });

  it('accepts an order that cuts the loss', () => {
    const ctx = makeContext({ limits, dayPnl: '-5000.01', order: { side: 'sell', quantity: quantity(100) }, position: 400 });
    expect(checkOrder(ctx)).toEqual({ ok: true });
  });
});
