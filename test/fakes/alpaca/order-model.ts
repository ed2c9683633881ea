import { toDecimalString, type Decimal } from '@shared/money/decimal';
import type { AlpacaOrder } from '../../../src/main/node/adapters/alpaca/wire';
import type { Stamp } from './timestamps';

export type OrderStatus = AlpacaOrder['status'];
export const ORDER_TYPES = ['market', 'limit', 'stop', 'stop_limit', 'trailing_stop'] as const;
export const TIMES_IN_FORCE = ['day', 'gtc', 'opg', 'cls', 'ioc', 'fok'] as const;
export const ORDER_CLASSES = ['simple', 'bracket', 'oco', 'oto'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export type TimeInForce = (typeof TIMES_IN_FORCE)[number];
export type OrderClass = (typeof ORDER_CLASSES)[number];

/** What an order asks for, as POST /v2/orders gives it and the fake keeps it. */
export interface OrderTerms {
  symbol: string;
  side: 'buy' | 'sell';
  type: OrderType;
  timeInForce: TimeInForce;
  orderClass: OrderClass;
  qty: Decimal | null;
  notional: Decimal | null;
  limitPrice: Decimal | null;
  stopPrice: Decimal | null;
  trailPrice: Decimal | null;
  trailPercent: Decimal | null;
  extendedHours: boolean;
}

/** One order as the fake keeps it: decimals, not strings, until it is written out. */
export interface FakeOrder extends OrderTerms {
  seq: number;
  id: string;
  clientOrderId: string;
  assetId: string;
  filledQty: Decimal;
  /** Σ fill qty × fill price, for the average. */
  filledValue: Decimal;
  status: OrderStatus;
  createdAt: Stamp;
  updatedAt: Stamp;
  submittedAt: Stamp;
  filledAt: Stamp | null;
  expiredAt: Stamp | null;
  canceledAt: Stamp | null;
  cancelRequestedAt: Stamp | null;
  failedAt: Stamp | null;
  replacedAt: Stamp | null;
  replacedBy: string | null;
  replaces: string | null;
  parentId: string | null;
  legIds: string[];
}

/** No further updates come for these (docs: orders-at-alpaca, "Order Lifecycle"). */
export const TERMINAL: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['filled', 'canceled', 'expired', 'replaced', 'rejected']);

export const isOpen = (o: FakeOrder) => !TERMINAL.has(o.status);

const dec = (d: Decimal | null) => (d === null ? null : toDecimalString(d));
const text = (s: Stamp | null) => (s === null ? null : s.text);

/** The order object exactly as REST and the stream carry it. `legs` only when nested. */
export function orderToWire(order: FakeOrder, legs: readonly FakeOrder[] | null): AlpacaOrder & Record<string, unknown> {
  return {
    id: order.id,
    client_order_id: order.clientOrderId,
    created_at: order.createdAt.text,
    updated_at: order.updatedAt.text,
    submitted_at: order.submittedAt.text,
    filled_at: text(order.filledAt),
    expired_at: text(order.expiredAt),
    cancel_requested_at: text(order.cancelRequestedAt),
    canceled_at: text(order.canceledAt),
    failed_at: text(order.failedAt),
    replaced_at: text(order.replacedAt),
    replaced_by: order.replacedBy,
    replaces: order.replaces,
    asset_id: order.assetId,
    symbol: order.symbol,
    asset_class: 'us_equity',
    notional: dec(order.notional),
    qty: dec(order.qty),
    filled_qty: toDecimalString(order.filledQty),
    filled_avg_price: order.filledQty.isZero() ? null : toDecimalString(order.filledValue.dividedBy(order.filledQty)),
    // Alpaca writes "" for a simple order (docs example in websocket-streaming).
    order_class: order.orderClass === 'simple' ? '' : order.orderClass,
    order_type: order.type,
    type: order.type,
    side: order.side,
    position_intent: order.side === 'buy' ? 'buy_to_open' : 'sell_to_close',
    time_in_force: order.timeInForce,
    limit_price: dec(order.limitPrice),
    stop_price: dec(order.stopPrice),
    status: order.status,
    extended_hours: order.extendedHours,
    legs: legs === null ? null : legs.map((leg) => orderToWire(leg, null)),
    trail_percent: dec(order.trailPercent),
    trail_price: dec(order.trailPrice),
    hwm: null,
  };
}
