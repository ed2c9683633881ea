import type { OrderStatus, PlaceOrderInput, Rejection, RiskRule } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { ORDER_CLASS_LABELS, ORDER_TYPE_LABELS, TIF_LABELS } from './ticket-form';

/** Display text for the ticket's numbers. Money stays decimal here too: cents by rounding, not by floats. */

const DASH = '—';

/** "1234567.891" → "1,234,567.89"; null → "—". */
export function formatMoney(text: string | null | undefined): string {
  if (text === null || text === undefined) return DASH;
  const fixed = new Decimal(text).toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '\u2212' : ''}${groupThousands(whole)}.${cents}`;
}

/** A price or quantity exactly as the engine sent it, with thousands grouped. */
export function formatAmount(text: string | null | undefined): string {
  if (text === null || text === undefined) return DASH;
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = (negative ? text.slice(1) : text).split('.');
  return `${negative ? '\u2212' : ''}${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export const RULE_LABELS: Record<RiskRule, string> = {
  kill_switch: 'Kill switch',
  buying_power: 'Buying power',
  max_order_quantity: 'Max order quantity',
  max_order_notional: 'Max order notional',
  max_position: 'Max position',
  max_open_positions: 'Max open positions',
  max_gross_exposure: 'Max gross exposure',
  price_deviation: 'Price deviation',
  duplicate_order: 'Duplicate order',
  max_daily_loss: 'Max daily loss',
  no_price: 'No price',
  invalid_order: 'Invalid order',
  market_closed: 'Market closed',
  broker: 'Broker',
};

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_new: 'Pending',
  accepted: 'Accepted',
  partially_filled: 'Partially filled',
  filled: 'Filled',
  canceled: 'Canceled',
  rejected: 'Rejected',
  expired: 'Expired',
  replaced: 'Replaced',
};

/** "limit 100000 · actual 125000", or "" when the rule compared no numbers. */
export function rejectionFigures(rejection: Rejection): string {
  const parts: string[] = [];
  if (rejection.limit !== null) parts.push(`limit ${formatAmount(rejection.limit)}`);
  if (rejection.actual !== null) parts.push(`actual ${formatAmount(rejection.actual)}`);
  return parts.join(' · ');
}

/** The order in words, one line per part, for the confirmation and the result. */
export function orderSummary(order: PlaceOrderInput): string[] {
  const size = order.notional !== undefined ? `$${formatAmount(order.notional)} of` : formatAmount(order.quantity);
  const lines = [`${order.side.toUpperCase()} ${size} ${order.symbol}`];
  const type = [ORDER_TYPE_LABELS[order.type]];
  if (order.stopPrice !== undefined) type.push(`stop ${formatAmount(order.stopPrice)}`);
  if (order.limitPrice !== undefined) type.push(`limit ${formatAmount(order.limitPrice)}`);
  if (order.trailAmount !== undefined) type.push(`trail ${formatAmount(order.trailAmount)}`);
  if (order.trailPercent !== undefined) type.push(`trail ${formatAmount(order.trailPercent)}%`);
  type.push(TIF_LABELS[order.timeInForce ?? 'day']);
  if (order.extendedHours) type.push('extended hours');
  lines.push(type.join(' · '));
  const orderClass = order.orderClass ?? 'simple';
  if (orderClass !== 'simple') {
    const legs = [ORDER_CLASS_LABELS[orderClass]];
    if (order.takeProfit) legs.push(`take-profit ${formatAmount(order.takeProfit.limitPrice)}`);
    if (order.stopLoss) {
      const limit = order.stopLoss.limitPrice === undefined ? '' : ` (limit ${formatAmount(order.stopLoss.limitPrice)})`;
      legs.push(`stop-loss ${formatAmount(order.stopLoss.stopPrice)}${limit}`);
    }
    lines.push(legs.join(' · '));
  }
  return lines;
}
