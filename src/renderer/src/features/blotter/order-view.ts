import type { ClockZone } from '@shared/dto/settings';
import type { OrderDto, OrderStatus, OrderType, Rejection } from '@shared/dto/trading';
import { isWorking } from '../../store/trading/order-book';
import { formatPrice, formatQuantity } from '../account/money-format';
import { formatTradeTime } from './trade-time';

/** One blotter row, as text. */
export interface OrderView {
  time: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  type: string;
  quantity: string;
  filled: string;
  limit: string;
  stop: string;
  timeInForce: string;
  status: string;
  averageFill: string;
  /** "Buying power: Not enough … (limit 100, actual 120)" for a refused order. */
  rejection: string | null;
  working: boolean;
  /** Which fields a modification may change (the order has that price). */
  editable: { quantity: boolean; limit: boolean; stop: boolean };
}

export const TYPE_LABELS: Record<OrderType, string> = {
  market: 'MKT',
  limit: 'LMT',
  stop: 'STP',
  stop_limit: 'STP LMT',
  trailing_stop: 'TRAIL',
};

const STATUS_LABELS: Record<OrderStatus, string> = {
  pending_new: 'Pending',
  accepted: 'Working',
  partially_filled: 'Partial',
  filled: 'Filled',
  canceled: 'Canceled',
  rejected: 'Rejected',
  expired: 'Expired',
  replaced: 'Replaced',
};

export function rejectionText(rejection: Rejection): string {
  const rule = rejection.rule.replaceAll('_', ' ');
  const numbers = [rejection.limit !== null ? `limit ${rejection.limit}` : null, rejection.actual !== null ? `actual ${rejection.actual}` : null].filter(Boolean);
  const detail = numbers.length > 0 ? ` (${numbers.join(', ')})` : '';
  return `${rule.charAt(0).toUpperCase()}${rule.slice(1)}: ${rejection.message}${detail}`;
}

function stopText(order: OrderDto): string {
  if (order.stopPrice !== null) return formatPrice(order.stopPrice);
  if (order.trailPercent !== null) return `${order.trailPercent}%`;
  if (order.trailAmount !== null) return `±${formatPrice(order.trailAmount)}`;
  return '';
}

export function orderView(order: OrderDto, zone: ClockZone): OrderView {
  const working = isWorking(order);
  return {
    time: formatTradeTime(order.createdAt, zone),
    symbol: order.symbol,
    side: order.side === 'buy' ? 'BUY' : 'SELL',
    type: TYPE_LABELS[order.type],
    quantity: formatQuantity(order.quantity),
    filled: formatQuantity(order.filledQuantity),
    limit: order.limitPrice === null ? '' : formatPrice(order.limitPrice),
    stop: stopText(order),
    timeInForce: order.timeInForce.toUpperCase(),
    status: STATUS_LABELS[order.status],
    averageFill: order.averageFillPrice === null ? '' : formatPrice(order.averageFillPrice),
    rejection: order.rejection ? rejectionText(order.rejection) : null,
    working,
    editable: {
      quantity: working,
      limit: working && order.limitPrice !== null,
      stop: working && order.stopPrice !== null && (order.type === 'stop' || order.type === 'stop_limit'),
    },
  };
}
