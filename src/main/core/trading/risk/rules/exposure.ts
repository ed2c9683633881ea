import { Decimal, type Money, type Quantity } from '@shared/money/decimal';
import { remainingQuantity, sideSign } from '../../model/order';
import type { RiskContext } from '../risk-context';

const ZERO = new Decimal(0);

/**
 * How much of the order could only close or shrink what is held. Conservative with working
 * orders: those on the order's own side count against the position (two sells cannot both
 * close the same long), those on the other side are ignored (they may never fill). The context
 * carries working orders as one net quantity, so a symbol with working orders on both sides is
 * judged by the net.
 */
export function reducibleQuantity(ctx: RiskContext): Quantity {
  const held = ctx.positionQuantity;
  const working = ctx.workingQuantity;
  const available = ctx.order.side === 'sell' ? held.plus(min(working, ZERO)) : held.plus(max(working, ZERO)).negated();
  return max(available, ZERO) as Quantity;
}

// Decimal.min/max without their copies: the same choice (the first argument on a tie), on immutable values.
const min = (a: Decimal, b: Decimal): Decimal => (a.greaterThan(b) ? b : a);
const max = (a: Decimal, b: Decimal): Decimal => (a.lessThan(b) ? b : a);

/** The part of the order that opens or adds to a position (0 for a purely closing order). */
export function increasingQuantity(ctx: RiskContext): Quantity {
  return max(remainingQuantity(ctx.order).minus(reducibleQuantity(ctx)), ZERO) as Quantity;
}

/** True when the order only closes or shrinks a position (sells within the long, buys within the short). */
export function isReducing(ctx: RiskContext): boolean {
  return increasingQuantity(ctx).isZero();
}

/**
 * The signed position if this order and the working orders on its side all fill: the worst
 * case in the order's direction, which is what the position limit guards.
 */
export function projectedPosition(ctx: RiskContext): Quantity {
  const sign = sideSign(ctx.order.side);
  const sameSide = ctx.workingQuantity.times(sign).greaterThan(0) ? ctx.workingQuantity : ZERO;
  return ctx.positionQuantity.plus(sameSide).plus(remainingQuantity(ctx.order).times(sign)) as Quantity;
}

/** The money the opening part of the order adds, at the reference price; null without a price. */
export function increaseValue(ctx: RiskContext): Money | null {
  if (ctx.referencePrice === null) return null;
  return increasingQuantity(ctx).times(ctx.referencePrice) as Money;
}
