import { Decimal } from '@shared/money/decimal';
import type { RiskContext, RiskVerdict } from '../risk-context';
import { formatMoney, formatQuantity, PASS, refuse } from './verdict';

const NEEDS_LAST_PRICE = new Set(['market', 'stop', 'trailing_stop']);

/** An order the engine cannot value (a market, stop or trailing stop with no last price) is refused. */
export function noPriceRule(ctx: RiskContext): RiskVerdict {
  const { order } = ctx;
  if (ctx.referencePrice !== null && (ctx.lastPrice !== null || !NEEDS_LAST_PRICE.has(order.type))) return PASS;
  const kind = order.type.replace('_', ' ');
  return refuse('no_price', `No last price for ${order.symbol}: cannot value a ${kind} order`, null, null);
}

/** Units per order; at the limit passes. */
export function maxOrderQuantityRule(ctx: RiskContext): RiskVerdict {
  if (ctx.limits.maxOrderQuantity === null) return PASS;
  const limit = new Decimal(ctx.limits.maxOrderQuantity);
  const actual = ctx.order.quantity;
  if (actual.lessThanOrEqualTo(limit)) return PASS;
  const message = `Order quantity ${formatQuantity(actual)} exceeds the limit ${formatQuantity(limit)}`;
  return refuse('max_order_quantity', message, limit, actual);
}

/** Quantity × reference price per order; at the limit passes. */
export function maxOrderNotionalRule(ctx: RiskContext): RiskVerdict {
  if (ctx.limits.maxOrderNotional === null || ctx.referencePrice === null) return PASS;
  const limit = new Decimal(ctx.limits.maxOrderNotional);
  const actual = ctx.order.quantity.times(ctx.referencePrice);
  if (actual.lessThanOrEqualTo(limit)) return PASS;
  const message = `Order notional ${formatMoney(actual)} exceeds the limit ${formatMoney(limit)}`;
  return refuse('max_order_notional', message, limit, actual);
}
