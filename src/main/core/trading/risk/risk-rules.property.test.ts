import { describe, expect, it } from 'vitest';
import { NO_RISK_LIMITS, type OrderSide, type OrderType, type RiskRule } from '@shared/dto/trading';
import { Decimal, price, quantity, toDecimalString, type Price } from '@shared/money/decimal';
import type { RiskContext } from './risk-context';
import { checkOrder, RISK_RULES } from './risk-engine';
import { makeContext } from './test-orders';
import { mulberry32 as seeded } from '../../ports/random';

/**
 * Property tests: random orders against random limits, each rule compared with an oracle
 * written independently (worst-case positions before and after, deviation by multiplication).
 * A rule must refuse exactly the orders its oracle says break the limit.
 */

type Random = ReturnType<typeof seeded>;
const int = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, 0, items.length - 1)]!;
const maybe = <T>(random: Random, make: () => T): T | null => (random() < 0.25 ? null : make());
const cents = (value: number) => new Decimal(value).dividedBy(100);
const SYMBOLS = ['AAPL', 'MSFT', 'TSLA', 'NVDA', 'AMZN', 'META'];

function randomContext(random: Random): RiskContext {
  const type = pick<OrderType>(random, ['market', 'limit', 'stop', 'stop_limit']);
  const side = pick<OrderSide>(random, ['buy', 'sell']);
  const lastCents = int(random, 100, 50_000);
  const near = () => price(cents(Math.round(lastCents * (0.75 + random() * 0.5))));
  const qty = int(random, 1, 5000);
  const ctx = makeContext({
    order: {
      side,
      type,
      quantity: quantity(qty),
      limitPrice: type === 'limit' || type === 'stop_limit' ? near() : null,
      stopPrice: type === 'stop' || type === 'stop_limit' ? near() : null,
    },
    lastPrice: random() < 0.1 ? null : toDecimalString(cents(lastCents)),
    position: random() < 0.3 ? 0 : int(random, -3000, 3000),
    working: random() < 0.5 ? 0 : int(random, -1000, 1000),
    openPositionSymbols: SYMBOLS.filter(() => random() < 0.5),
    grossExposure: int(random, 0, 2_000_000),
    buyingPower: int(random, 0, 1_000_000),
    marginMultiplier: pick(random, [1, 2, 4]),
    limits: {
      maxOrderQuantity: maybe(random, () => String(int(random, 1, 5000))),
      maxOrderNotional: maybe(random, () => String(int(random, 1000, 500_000))),
      maxPositionNotional: maybe(random, () => String(int(random, 1000, 1_000_000))),
      maxOpenPositions: maybe(random, () => int(random, 1, 6)),
      maxGrossExposure: maybe(random, () => String(int(random, 1000, 3_000_000))),
      maxPriceDeviationPercent: maybe(random, () => String(int(random, 1, 25))),
    },
  });
  return random() < 0.3 ? atBoundary(ctx, random) : ctx;
}

/** Sets one limit exactly to the order's own number, so the boundary is hit often. */
function atBoundary(ctx: RiskContext, random: Random): RiskContext {
  const ref = ctx.referencePrice;
  const which = int(random, 0, 2);
  if (which === 0) return { ...ctx, limits: { ...ctx.limits, maxOrderQuantity: toDecimalString(ctx.order.quantity) } };
  if (which === 1 && ref) return { ...ctx, limits: { ...ctx.limits, maxOrderNotional: toDecimalString(ctx.order.quantity.times(ref)) } };
  return { ...ctx, buyingPower: ref ? (ctx.order.quantity.times(ref) as typeof ctx.buyingPower) : ctx.buyingPower };
}

/** Worst-case signed position in the order's direction before and after it. */
function worstCase(ctx: RiskContext): { before: Decimal; after: Decimal; opening: Decimal } {
  const buy = ctx.order.side === 'buy';
  const w = ctx.workingQuantity;
  const before = ctx.positionQuantity.plus(buy ? Decimal.max(w, 0) : Decimal.min(w, 0));
  const after = buy ? before.plus(ctx.order.quantity) : before.minus(ctx.order.quantity);
  const exposure = (q: Decimal) => (buy ? Decimal.max(q, 0) : Decimal.max(q.negated(), 0));
  return { before, after, opening: exposure(after).minus(exposure(before)) };
}

const over = (value: Decimal, limit: string | null) => limit !== null && value.greaterThan(limit);

function oracle(ctx: RiskContext): Partial<Record<RiskRule, boolean>> {
  const { limits, order, lastPrice: last } = ctx;
  const ref = ctx.referencePrice;
  const { after, opening } = worstCase(ctx);
  const value = (q: Decimal) => (ref ? q.times(ref) : new Decimal(0));
  const band = limits.maxPriceDeviationPercent;
  const deviates = (px: Price | null) =>
    px !== null && last !== null && band !== null && px.minus(last).abs().times(100).greaterThan(last.times(band));
  const opensSymbol = ctx.positionQuantity.isZero() && ctx.workingQuantity.isZero() && !ctx.openPositionSymbols.has(order.symbol);
  return {
    max_order_quantity: over(order.quantity, limits.maxOrderQuantity),
    max_order_notional: ref !== null && over(value(order.quantity), limits.maxOrderNotional),
    price_deviation: deviates(order.limitPrice) || deviates(order.stopPrice),
    buying_power:
      opening.greaterThan(0) &&
      ((order.side === 'sell' && ctx.marginMultiplier.lessThanOrEqualTo(1)) || (ref !== null && value(opening).greaterThan(ctx.buyingPower))),
    max_position: ref !== null && opening.greaterThan(0) && over(value(after.abs()), limits.maxPositionNotional),
    max_open_positions: limits.maxOpenPositions !== null && opensSymbol && ctx.openPositionSymbols.size >= limits.maxOpenPositions,
    max_gross_exposure: ref !== null && opening.greaterThan(0) && over(ctx.grossExposure.plus(value(opening)), limits.maxGrossExposure),
  };
}

const CASES = 3000;

describe('risk rules against an independent oracle', () => {
  for (const seed of [1, 42, 20240611]) {
    it(`refuses exactly the orders that break each limit (seed ${seed})`, () => {
      const random = seeded(seed);
      const refusals: Record<string, number> = {};
      for (let n = 0; n < CASES; n += 1) {
        const ctx = randomContext(random);
        const expected = oracle(ctx);
        for (const [rule, check] of RISK_RULES) {
          const breaks = expected[rule];
          if (breaks === undefined) continue;
          const verdict = check(ctx);
          if (verdict.ok === breaks) expect.fail(`case ${n}: ${rule} ${verdict.ok ? 'passed' : 'refused'} ${JSON.stringify(describeContext(ctx))}`);
          if (!verdict.ok) {
            expect(verdict.rule).toBe(rule);
            refusals[rule] = (refusals[rule] ?? 0) + 1;
          }
        }
      }
      // Every rule was exercised both ways.
      for (const rule of Object.keys(oracle(randomContext(seeded(0))))) expect(refusals[rule] ?? 0).toBeGreaterThan(20);
    });
  }

  it('checkOrder reports the first rule, in order, whose oracle fails', () => {
    const random = seeded(7);
    for (let n = 0; n < CASES; n += 1) {
      const ctx = randomContext(random);
      const expected = oracle(ctx);
      const noPrice = ctx.lastPrice === null && ctx.order.type !== 'limit' && ctx.order.type !== 'stop_limit';
      // The size limit needs no price, so it is judged before a missing price is.
      const first = expected.max_order_quantity === true ? 'max_order_quantity' : noPrice ? 'no_price' : RISK_RULES.map(([rule]) => rule).find((rule) => expected[rule] === true);
      const verdict = checkOrder(ctx);
      expect(verdict.ok ? undefined : verdict.rule).toBe(first);
    }
  });
});

describe('checkOrder with no limits set', () => {
  it('gives the same verdict as running every rule (only no_price and buying_power can refuse)', () => {
    const random = seeded(99);
    const seen: Record<string, number> = {};
    for (let n = 0; n < CASES; n += 1) {
      const drawn = randomContext(random);
      const ctx: RiskContext = { ...drawn, limits: NO_RISK_LIMITS };
      const full = RISK_RULES.map(([, check]) => check(ctx)).find((verdict) => !verdict.ok) ?? { ok: true };
      const verdict = checkOrder(ctx);
      expect(verdict).toEqual(full);
      const key = verdict.ok ? 'pass' : verdict.rule;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    expect(Object.keys(seen).sort()).toEqual(['buying_power', 'no_price', 'pass']);
  });

  it('still runs every rule when the kill switch is tripped', () => {
    const ctx = randomContext(seeded(3));
    const limits = { ...ctx.limits, maxOrderQuantity: null, maxOrderNotional: null, maxPositionNotional: null, maxOpenPositions: null, maxGrossExposure: null, maxPriceDeviationPercent: null };
    const verdict = checkOrder({ ...ctx, limits, killSwitch: { tripped: true, reason: 'test', trippedAt: 0 } });
    expect(verdict.ok ? 'pass' : verdict.rule).toBe('kill_switch');
  });
});

function describeContext(ctx: RiskContext) {
  const text = (value: Decimal | null) => (value === null ? null : toDecimalString(value));
  return {
    side: ctx.order.side,
    type: ctx.order.type,
    quantity: text(ctx.order.quantity),
    limitPrice: text(ctx.order.limitPrice),
    stopPrice: text(ctx.order.stopPrice),
    last: text(ctx.lastPrice),
    position: text(ctx.positionQuantity),
    working: text(ctx.workingQuantity),
    buyingPower: text(ctx.buyingPower),
    limits: ctx.limits,
  };
}
