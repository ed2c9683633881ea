import { Decimal } from '@shared/money/decimal';
import type { RiskContext, RiskVerdict } from '../risk-context';
import { increaseValue, increasingQuantity, projectedPosition, reducibleQuantity } from './exposure';
import { formatMoney, formatQuantity, PASS, refuse } from './verdict';

const ONE = new Decimal(1);

/**
 * The opening part of the order, at its reference price, must fit the buying power (equal
 * passes). Closing orders always pass. A cash account (margin multiplier 1) cannot sell short.
 */
export function buyingPowerRule(ctx: RiskContext): RiskVerdict {
  const opening = increasingQuantity(ctx);
  if (opening.isZero()) return PASS;
  if (ctx.order.side === 'sell' && ctx.marginMultiplier.lessThanOrEqualTo(ONE)) {
    const held = reducibleQuantity(ctx);
    const detail = `selling ${formatQuantity(ctx.order.quantity)} ${ctx.order.symbol} with ${formatQuantity(held)} available to sell`;
    return refuse('buying_power', `Short selling needs a margin account (${detail})`, held, ctx.order.quantity);
  }
  const cost = ctx.referencePrice === null ? null : opening.times(ctx.referencePrice); // increaseValue(ctx), not recomputed
  if (cost === null || cost.lessThanOrEqualTo(ctx.buyingPower)) return PASS;
  const message = `Order cost ${formatMoney(cost)} exceeds the buying power ${formatMoney(ctx.buyingPower)}`;
  return refuse('buying_power', message, ctx.buyingPower, cost);
}

/**
 * |position + same-side working + this order| × reference price per symbol; at the limit
 * passes. Only orders that grow the position are judged, so an oversized position can always
 * be cut.
 */
export function maxPositionRule(ctx: RiskContext): RiskVerdict {
  const { maxPositionNotional } = ctx.limits;
  if (maxPositionNotional === null || ctx.referencePrice === null || increasingQuantity(ctx).isZero()) return PASS;
  const limit = new Decimal(maxPositionNotional);
  const actual = projectedPosition(ctx).abs().times(ctx.referencePrice);
  if (actual.lessThanOrEqualTo(limit)) return PASS;
  const message = `Position in ${ctx.order.symbol} would be ${formatMoney(actual)}, over the limit ${formatMoney(limit)}`;
  return refuse('max_position', message, limit, actual);
}

/**
 * An order that opens a new symbol (no position, no working order there) is refused when the
 * open positions already number the limit: with a limit of 50, the 50th opens, the 51st not.
 */
export function maxOpenPositionsRule(ctx: RiskContext): RiskVerdict {
  const limit = ctx.limits.maxOpenPositions;
  if (limit === null) return PASS;
  const { symbol } = ctx.order;
  const opensNew = ctx.positionQuantity.isZero() && ctx.workingQuantity.isZero() && !ctx.openPositionSymbols.has(symbol);
  const count = ctx.openPositionSymbols.size;
  if (!opensNew || count < limit) return PASS;
  const message = `A position in ${symbol} would make ${count + 1} open positions, over the limit ${limit}`;
  return refuse('max_open_positions', message, new Decimal(limit), new Decimal(count + 1));
}

/** Gross exposure now plus what the order's opening part adds; at the limit passes. */
export function maxGrossExposureRule(ctx: RiskContext): RiskVerdict {
  const { maxGrossExposure } = ctx.limits;
  const added = increaseValue(ctx);
  if (maxGrossExposure === null || added === null || added.isZero()) return PASS;
  const limit = new Decimal(maxGrossExposure);
  const actual = ctx.grossExposure.plus(added);
  if (actual.lessThanOrEqualTo(limit)) return PASS;
  const message = `Gross exposure would be ${formatMoney(actual)}, over the limit ${formatMoney(limit)}`;
  return refuse('max_gross_exposure', message, limit, actual);
}
