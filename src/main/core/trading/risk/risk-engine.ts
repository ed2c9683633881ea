import type { RiskRule } from '@shared/dto/trading';
import type { RiskContext, RiskVerdict } from './risk-context';
import { duplicateOrderRule } from './rules/duplicate-order';
import { buyingPowerRule, maxGrossExposureRule, maxOpenPositionsRule, maxPositionRule } from './rules/exposure-rules';
import { killSwitchRule, maxDailyLossRule } from './rules/halt-rules';
import { maxOrderNotionalRule, maxOrderQuantityRule, noPriceRule } from './rules/order-size-rules';
import { priceDeviationRule } from './rules/price-deviation';
import { PASS, type RiskCheck } from './rules/verdict';

export { isReducing } from './rules/exposure';

/**
 * The pre-trade rules in the order they run. Halts come first (nothing else matters when
 * trading is stopped), then the order's size, which needs no price (an oversized order is
 * refused for its size even before the first tick), then the rules that value the order
 * against the market and the account. The rules after no_price may assume a reference price.
 */
export const RISK_RULES: ReadonlyArray<readonly [RiskRule, RiskCheck]> = [
  ['kill_switch', killSwitchRule],
  ['max_daily_loss', maxDailyLossRule],
  ['max_order_quantity', maxOrderQuantityRule],
  ['no_price', noPriceRule],
  ['max_order_notional', maxOrderNotionalRule],
  ['price_deviation', priceDeviationRule],
  ['duplicate_order', duplicateOrderRule],
  ['buying_power', buyingPowerRule],
  ['max_position', maxPositionRule],
  ['max_open_positions', maxOpenPositionsRule],
  ['max_gross_exposure', maxGrossExposureRule],
];

/**
 * The rules that can refuse when no limit is set and the kill switch is off: every other rule
 * passes at once on a null limit (a zero duplicate window), so skipping them is the same verdict.
 */
const UNLIMITED_RULES = RISK_RULES.filter(([rule]) => rule === 'no_price' || rule === 'buying_power');

function noLimits(ctx: RiskContext): boolean {
  const l = ctx.limits;
  return (
    !ctx.killSwitch.tripped &&
    l.maxDailyLoss === null &&
    l.maxOrderQuantity === null &&
    l.maxOrderNotional === null &&
    l.maxPriceDeviationPercent === null &&
    l.duplicateWindowMs <= 0 &&
    l.maxPositionNotional === null &&
    l.maxOpenPositions === null &&
    l.maxGrossExposure === null
  );
}

/** Runs every rule; the first refusal, or a pass. A refusal is data, never an exception. */
export function checkOrder(ctx: RiskContext): RiskVerdict {
  for (const [, check] of noLimits(ctx) ? UNLIMITED_RULES : RISK_RULES) {
    const verdict = check(ctx);
    if (!verdict.ok) return verdict;
  }
  return PASS;
}
