import type { Decimal } from '@shared/money/decimal';
import type { Order } from '../model/order';
import type { MarketPhase } from './sessions';

export interface PaperInstrument {
  tickSize: Decimal;
  lotSize: Decimal;
  assetClass: string;
  /** Trades around the clock (sessions do not apply); crypto always does. */
  alwaysOpen?: boolean;
}

/**
 * Why the paper venue refuses an order, or null. The order manager validates first; these
 * are the venue's own rules, so a bad order from any path is refused, not half-worked.
 */
export function submitProblem(order: Order, spec: PaperInstrument | null, phase: MarketPhase, sessionless: boolean): string | null {
  if (!spec) return `Unknown symbol ${order.symbol}`;
  if (order.quantity.lessThanOrEqualTo(0)) return 'The quantity must be greater than zero';
  if (!order.quantity.dividedBy(spec.lotSize).isInteger()) return `The quantity must be a multiple of the lot size ${spec.lotSize.toFixed()}`;
  const missing = missingPrice(order);
  if (missing) return missing;
  if (order.extendedHours && order.type !== 'limit') return 'Extended hours take limit orders only';
  const auction = order.timeInForce === 'opg' || order.timeInForce === 'cls';
  if (auction && sessionless) return `${order.timeInForce} needs an exchange session; ${order.symbol} trades around the clock`;
  if (order.timeInForce === 'opg' && phase === 'regular') return 'The opening auction has passed; opg orders are taken before the open';
  return null;
}

function missingPrice(order: Order): string | null {
  const needsLimit = order.type === 'limit' || order.type === 'stop_limit';
  const needsStop = order.type === 'stop' || order.type === 'stop_limit';
  if (needsLimit && !positive(order.limitPrice)) return `A ${order.type} order needs a limit price`;
  if (needsStop && !positive(order.stopPrice)) return `A ${order.type} order needs a stop price`;
  if (order.type === 'trailing_stop') {
    const amount = positive(order.trailAmount);
    const percent = positive(order.trailPercent);
    if (amount === percent) return 'A trailing stop needs either a trail amount or a trail percent';
    if (percent && order.trailPercent !== null && order.trailPercent.greaterThanOrEqualTo(100)) return 'A trail percent must be below 100';
  }
  return null;
}

function positive(value: Decimal | null): boolean {
  return value !== null && value.greaterThan(0);
}
