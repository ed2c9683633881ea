import { Decimal } from '@shared/money/decimal';
import type { Order } from '../../model/order';
import type { RiskContext, RiskVerdict } from '../risk-context';
import { formatQuantity, PASS, refuse } from './verdict';

const samePrice = (a: Decimal | null, b: Decimal | null): boolean => (a === null || b === null ? a === b : a.equals(b));

/** Same symbol, side, type, quantity, limit price and stop price. */
export function isSameOrder(a: Order, b: Order): boolean {
  return (
    a.symbol === b.symbol &&
    a.side === b.side &&
    a.type === b.type &&
    a.quantity.equals(b.quantity) &&
    samePrice(a.limitPrice, b.limitPrice) &&
    samePrice(a.stopPrice, b.stopPrice)
  );
}

/**
 * A double-click guard: the same order again within the window is refused. An order exactly
 * `duplicateWindowMs` old still counts as recent; a window of 0 disables the rule. The order
 * itself (a re-check) is never its own duplicate.
 */
export function duplicateOrderRule(ctx: RiskContext): RiskVerdict {
  const window = ctx.limits.duplicateWindowMs;
  if (window <= 0) return PASS;
  const { order } = ctx;
  for (let index = ctx.recentOrders.length - 1; index >= 0; index -= 1) {
    const recent = ctx.recentOrders[index];
    if (recent === undefined || recent.id === order.id) continue;
    const age = ctx.now - recent.createdAt;
    if (age < 0 || age > window || !isSameOrder(order, recent)) continue;
    const what = `${order.side} ${formatQuantity(order.quantity)} ${order.symbol}`;
    const message = `Duplicate order: the same ${what} was placed ${age} ms ago (window ${window} ms)`;
    return refuse('duplicate_order', message, new Decimal(window), new Decimal(age));
  }
  return PASS;
}
