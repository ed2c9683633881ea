import { describe, expect, it } from 'vitest';
import { quantity } from '@shared/money/decimal';
import { makeContext, T0 } from '../test-orders';
import { killSwitchRule, maxDailyLossRule } from './halt-rules';

const tripped = { tripped: true, reason: 'Day loss 5,000.00 reached the daily loss limit 5,000.00', trippedAt: T0 };

describe('kill_switch rule', () => {
  it('passes everything while the switch is not tripped', () => {
    expect(killSwitchRule(makeContext())).toEqual({ ok: true });
  });

  it('refuses a new order and gives the trip reason', () => {
    expect(killSwitchRule(makeContext({ killSwitch: tripped }))).toEqual({
      ok: false,
      rule: 'kill_switch',
      message: 'Trading is halted by the kill switch: Day loss 5,000.00 reached the daily loss limit 5,000.00',
      limit: null,
      actual: null,
    });
  });

  it('refuses even a closing order from the trader', () => {
    const ctx = makeContext({ killSwitch: tripped, order: { side: 'sell', quantity: quantity(100) }, position: 100 });
    expect(killSwitchRule(ctx)).toMatchObject({ ok: false, rule: 'kill_switch' });
  });

  it('lets system orders through: the flatten path must get out', () => {
    const ctx = makeContext({ killSwitch: tripped, order: { side: 'sell', source: 'system' }, position: 100 });
    expect(killSwitchRule(ctx)).toEqual({ ok: true });
  });

  it('words a trip without a reason', () => {
    const verdict = killSwitchRule(makeContext({ killSwitch: { tripped: true, reason: null, trippedAt: T0 } }));
    expect(verdict).toMatchObject({ message: 'Trading is halted by the kill switch' });
  });
});

describe('max_daily_loss rule', () => {
  const limits = { maxDailyLoss: '5000' };

  it('passes a loss inside the limit', () => {
    expect(maxDailyLossRule(makeContext({ limits, dayPnl: '-4999.99' }))).toEqual({ ok: true });
  });

  it('refuses an opening order once the loss reaches the limit exactly', () => {
    expect(maxDailyLossRule(makeContext({ limits, dayPnl: '-5000' }))).toEqual({
      ok: false,
      rule: 'max_daily_loss',
      message: 'Day loss 5,000.00 reached the daily loss limit 5,000.00; only closing orders are accepted',
      limit: '5000',
      actual: '5000',
    });
  });

  it('reports the loss and the limit as positive amounts', () => {
    expect(maxDailyLossRule(makeContext({ limits, dayPnl: '-6123.45' }))).toMatchObject({ limit: '5000', actual: '6123.45' });
  });

  it('lets an order that only reduces a position through', () => {
    const ctx = makeContext({ limits, dayPnl: '-8000', order: { side: 'sell', quantity: quantity(100) }, position: 100 });
    expect(maxDailyLossRule(ctx)).toEqual({ ok: true });
  });

  it('lets system orders through', () => {
    expect(maxDailyLossRule(makeContext({ limits, dayPnl: '-8000', order: { source: 'system' } }))).toEqual({ ok: true });
  });

  it('is off when the limit is null', () => {
    expect(maxDailyLossRule(makeContext({ dayPnl: '-1000000' }))).toEqual({ ok: true });
  });
});
