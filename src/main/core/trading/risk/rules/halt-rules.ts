import { Decimal } from '@shared/money/decimal';
import { dayLoss, shouldTripKillSwitch } from '../daily-loss';
import type { RiskContext, RiskVerdict } from '../risk-context';
import { isReducing } from './exposure';
import { PASS, refuse } from './verdict';

/**
 * A tripped kill switch refuses every new order, closing ones included, except those with
 * source 'system': the engine's own flatten/close path must still be able to get out.
 */
export function killSwitchRule(ctx: RiskContext): RiskVerdict {
  if (!ctx.killSwitch.tripped || ctx.order.source === 'system') return PASS;
  const reason = ctx.killSwitch.reason === null ? '' : `: ${ctx.killSwitch.reason}`;
  return refuse('kill_switch', `Trading is halted by the kill switch${reason}`, null, null);
}

/**
 * Once the day's loss is at or past the limit (the same test that trips the kill switch), no
 * order may add risk. Orders that only close or shrink a position, and system orders, pass:
 * a loss limit must never stop the trader from cutting the loss. `limit` and `actual` are
 * the limit and the loss as positive amounts.
 */
export function maxDailyLossRule(ctx: RiskContext): RiskVerdict {
  const verdict = shouldTripKillSwitch(ctx.dayPnl, ctx.limits);
  if (!verdict.trip || ctx.order.source === 'system' || isReducing(ctx)) return PASS;
  const limit = new Decimal(ctx.limits.maxDailyLoss ?? 0);
  return refuse('max_daily_loss', `${verdict.reason}; only closing orders are accepted`, limit, dayLoss(ctx.dayPnl));
}
