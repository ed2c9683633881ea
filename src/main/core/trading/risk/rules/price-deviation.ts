import { Decimal, type Price } from '@shared/money/decimal';
import type { RiskContext, RiskVerdict } from '../risk-context';
import { formatPercent, formatPrice, PASS, refuse } from './verdict';

const HUNDRED = new Decimal(100);

/** |price − last| as a percent of last. */
export function deviationPercent(px: Price, last: Price): Decimal {
  return px.minus(last).abs().dividedBy(last).times(HUNDRED);
}

/**
 * Fat-finger guard: a limit or stop price further than the allowed percent from the last
 * trade is refused; exactly at the allowed percent passes. Without a last price there is
 * nothing to compare with and the rule passes (no_price handles orders that need one).
 */
export function priceDeviationRule(ctx: RiskContext): RiskVerdict {
  const { maxPriceDeviationPercent } = ctx.limits;
  const last = ctx.lastPrice;
  if (maxPriceDeviationPercent === null || last === null || last.lessThanOrEqualTo(0)) return PASS;
  const limit = new Decimal(maxPriceDeviationPercent);
  const prices: Array<[string, Price | null]> = [
    ['Limit price', ctx.order.limitPrice],
    ['Stop price', ctx.order.stopPrice],
  ];
  for (const [label, px] of prices) {
    if (px === null) continue;
    const deviation = deviationPercent(px, last);
    if (deviation.lessThanOrEqualTo(limit)) continue;
    // Rounded up so the reported numbers never look equal to the limit they broke.
    const shown = deviation.toDecimalPlaces(4, Decimal.ROUND_UP);
    const away = formatPercent(deviation.toDecimalPlaces(2, Decimal.ROUND_UP));
    const message = `${label} ${formatPrice(px)} is ${away} from the last price ${formatPrice(last)}, over the limit ${formatPercent(limit)}`;
    return refuse('price_deviation', message, limit, shown);
  }
  return PASS;
}
