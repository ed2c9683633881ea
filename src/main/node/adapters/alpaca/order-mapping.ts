import type { LegRole, OrderStatus } from '@shared/dto/trading';
import { Decimal, toDecimalString, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Order } from '../../../core/trading/model/order';
import { alpacaDecimal, alpacaDecimalOrNull, alpacaTime, alpacaTimeOrNull } from './parse-values';
import type { AlpacaOrder, AlpacaOrderRequest, AlpacaReplaceRequest } from './wire';

type AlpacaStatus = AlpacaOrder['status'];

/** Legs a multi-leg entry waits for before its one Alpaca request can be built. */
export function expectedLegCount(order: Pick<Order, 'orderClass' | 'parentId'>): number {
  if (order.parentId !== null) return 0;
  if (order.orderClass === 'bracket') return 2;
  if (order.orderClass === 'oto' || order.orderClass === 'oco') return 1;
  return 0;
}

const text = (value: Decimal): string => toDecimalString(value);

function stopLossOf(leg: Order): { stop_price: string; limit_price?: string } {
  if (leg.stopPrice === null) throw new Error(`Stop-loss leg ${leg.id} has no stop price`);
  return leg.limitPrice === null ? { stop_price: text(leg.stopPrice) } : { stop_price: text(leg.stopPrice), limit_price: text(leg.limitPrice) };
}

function takeProfitOf(leg: Order): { limit_price: string } {
  if (leg.limitPrice === null) throw new Error(`Take-profit leg ${leg.id} has no limit price`);
  return { limit_price: text(leg.limitPrice) };
}

/** Price fields for the order's own type: Alpaca refuses a field its type does not take. */
function priceFields(order: Order): Partial<AlpacaOrderRequest> {
  const fields: Partial<AlpacaOrderRequest> = {};
  if ((order.type === 'limit' || order.type === 'stop_limit') && order.limitPrice !== null) fields.limit_price = text(order.limitPrice);
  if ((order.type === 'stop' || order.type === 'stop_limit') && order.stopPrice !== null) fields.stop_price = text(order.stopPrice);
  if (order.type === 'trailing_stop') {
    if (order.trailAmount !== null) fields.trail_price = text(order.trailAmount);
    else if (order.trailPercent !== null) fields.trail_percent = text(order.trailPercent);
  }
  return fields;
}

/**
 * One Alpaca request for an order and its exit legs (children with `parentId`, by
 * `legRole`). Decimals go out as canonical strings. An OCO is Alpaca's pair of exits: a
 * `limit` order whose take-profit is our parent's limit and whose stop-loss is the child.
 */
export function toAlpacaRequest(order: Order, legs: readonly Order[] = []): AlpacaOrderRequest {
  const request: AlpacaOrderRequest = {
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    time_in_force: order.timeInForce,
    client_order_id: order.clientOrderId,
  };
  if (order.notional !== null && order.type === 'market') request.notional = text(order.notional);
  else request.qty = text(order.quantity);
  if (order.extendedHours) request.extended_hours = true;
  const takeProfit = legs.find((leg) => leg.legRole === 'take_profit');
  const stopLoss = legs.find((leg) => leg.legRole === 'stop_loss');
  if (order.orderClass === 'oco') {
    if (order.limitPrice === null || !stopLoss) throw new Error(`OCO order ${order.id} needs a limit price and a stop-loss leg`);
    return { ...request, type: 'limit', order_class: 'oco', take_profit: { limit_price: text(order.limitPrice) }, stop_loss: stopLossOf(stopLoss) };
  }
  Object.assign(request, priceFields(order));
  if (order.orderClass === 'simple') return request;
  request.order_class = order.orderClass;
  if (takeProfit) request.take_profit = takeProfitOf(takeProfit);
  if (stopLoss) request.stop_loss = stopLossOf(stopLoss);
  return request;
}

/**
 * PATCH body for a replacement. `qty` is the replacement's own quantity (what is left to
 * trade: the order manager subtracts what the old order filled); the replacement carries our
 * new client order id so its stream events find it.
 */
export function toAlpacaReplace(next: Order): AlpacaReplaceRequest {
  const body: AlpacaReplaceRequest = {
    qty: text(next.quantity),
    time_in_force: next.timeInForce,
    client_order_id: next.clientOrderId,
  };
  const fields = priceFields(next);
  if (fields.limit_price !== undefined) body.limit_price = fields.limit_price;
  if (fields.stop_price !== undefined) body.stop_price = fields.stop_price;
  const trail = fields.trail_price ?? fields.trail_percent;
  if (trail !== undefined) body.trail = trail;
  return body;
}

/** Alpaca statuses of orders that still live at the venue (held legs, pending changes …). */
const WORKING: ReadonlySet<AlpacaStatus> = new Set([
  'new',
  'partially_filled',
  'done_for_day',
  'pending_cancel',
  'pending_replace',
  'pending_review',
  'accepted',
  'pending_new',
  'accepted_for_bidding',
  'stopped',
  'suspended',
  'calculated',
  'held',
]);

export function isAlpacaWorking(status: AlpacaStatus): boolean {
  return WORKING.has(status);
}

/**
 * Our status for an Alpaca order. Everything still alive there is accepted (or partially
 * filled once anything filled): it exists at the venue, whatever its routing state.
 */
export function statusFromAlpaca(order: Pick<AlpacaOrder, 'status' | 'filled_qty'>): OrderStatus {
  switch (order.status) {
    case 'filled':
      return 'filled';
    case 'canceled':
      return 'canceled';
    case 'expired':
      return 'expired';
    case 'replaced':
      return 'replaced';
    case 'rejected':
      return 'rejected';
    case 'partially_filled':
      return 'partially_filled';
    default:
      return /[1-9]/.test(order.filled_qty) ? 'partially_filled' : 'accepted';
  }
}

/** Which of our exit legs an Alpaca leg is: the limit takes profit, a stop limits the loss. */
export function legRoleOf(leg: Pick<AlpacaOrder, 'type' | 'order_type'>): LegRole | null {
  const type = leg.order_type ?? leg.type;
  if (type === 'limit') return 'take_profit';
  if (type === 'stop' || type === 'stop_limit' || type === 'trailing_stop') return 'stop_loss';
  return null;
}

const ORDER_TYPES: ReadonlySet<string> = new Set(['market', 'limit', 'stop', 'stop_limit', 'trailing_stop']);
const TIFS: ReadonlySet<string> = new Set(['day', 'gtc', 'ioc', 'fok', 'opg', 'cls']);
const CLASSES: ReadonlySet<string> = new Set(['simple', 'bracket', 'oco', 'oto']);

/**
 * An Alpaca order as the broker sees it, in our model: `ours` (the order manager's copy)
 * with Alpaca's status and fills, or, for an order placed elsewhere, one built from Alpaca's
 * fields with id `alpaca:<id>`.
 */
export function orderFromAlpaca(alpaca: AlpacaOrder, ours: Order | null): Order {
  const filledQuantity = alpacaDecimal(alpaca.filled_qty, 'filled_qty') as Quantity;
  const averageFillPrice = alpacaDecimalOrNull(alpaca.filled_avg_price, 'filled_avg_price') as Price | null;
  const status = statusFromAlpaca(alpaca);
  const updatedAt = alpacaTimeOrNull(alpaca.updated_at)?.ms ?? alpacaTime(alpaca.created_at).ms;
  if (ours) return { ...ours, status, filledQuantity, averageFillPrice, updatedAt: Math.max(ours.updatedAt, updatedAt) };
  const type = alpaca.order_type ?? alpaca.type;
  return {
    id: `alpaca:${alpaca.id}`,
    clientOrderId: alpaca.client_order_id,
    symbol: alpaca.symbol,
    side: alpaca.side,
    type: ORDER_TYPES.has(type) ? (type as Order['type']) : 'market',
    timeInForce: TIFS.has(alpaca.time_in_force) ? (alpaca.time_in_force as Order['timeInForce']) : 'day',
    orderClass: CLASSES.has(alpaca.order_class ?? '') ? (alpaca.order_class as Order['orderClass']) : 'simple',
    quantity: (alpacaDecimalOrNull(alpaca.qty, 'qty') ?? new Decimal(0)) as Quantity,
    notional: alpacaDecimalOrNull(alpaca.notional, 'notional') as Money | null,
    limitPrice: alpacaDecimalOrNull(alpaca.limit_price, 'limit_price') as Price | null,
    stopPrice: alpacaDecimalOrNull(alpaca.stop_price, 'stop_price') as Price | null,
    trailAmount: alpacaDecimalOrNull(alpaca.trail_price, 'trail_price') as Price | null,
    trailPercent: alpacaDecimalOrNull(alpaca.trail_percent, 'trail_percent'),
    trailReference: alpacaDecimalOrNull(alpaca.hwm, 'hwm') as Price | null,
    extendedHours: alpaca.extended_hours ?? false,
    status,
    triggered: false,
    filledQuantity,
    averageFillPrice,
    commission: new Decimal(0) as Money,
    parentId: null,
    legRole: null,
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: 'api',
    createdAt: alpacaTime(alpaca.created_at).ms,
    updatedAt,
  };
}
