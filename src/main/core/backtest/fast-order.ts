import type { OrderSide, OrderStatus } from '@shared/dto/trading';
import { Decimal, money, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Order } from '../trading/model/order';
import type { WorkingOrder } from '../trading/paper/working-order';
import { parseUnits, unitsToDecimal } from './scaled';

const ZERO = new Decimal(0);

/**
 * A simple market or limit order (day or gtc) worked by the fast lane, in scaled integers:
 * quantities in units (lot 1), prices in ticks of the symbol, commission in cash units. The
 * fields mirror the paper venue's WorkingOrder bookkeeping, so `toOrder` and `toWorking`
 * give exactly what the venue would hold at the same point.
 */
export class FastOrder {
  filled = 0;
  /** Σ quantity × price of the fills, in units × ticks. */
  value = 0;
  charged = 0;
  fills = 0;
  status: OrderStatus = 'accepted';
  updatedAt: number;
  /** day orders: the time of the first bar they could work on (NaN before it). */
  firstBar = Number.NaN;

  constructor(
    readonly id: string,
    readonly clientOrderId: string,
    readonly index: number,
    readonly symbol: string,
    readonly side: OrderSide,
    /** NaN for a market order. */
    readonly limit: number,
    readonly timeInForce: 'day' | 'gtc',
    readonly quantity: number,
    readonly createdAt: number,
    readonly seq: number,
  ) {
    this.updatedAt = createdAt;
  }

  get buy(): boolean {
    return this.side === 'buy';
  }

  /** Still on the book. */
  get working(): boolean {
    return this.status === 'accepted' || this.status === 'partially_filled';
  }

  get remaining(): number {
    return this.quantity - this.filled;
  }
}

/** The order as the decimal books hold it (orderFromRequest's fields, in its order). */
export function toOrder(o: FastOrder, tickPlaces: number, cashPlaces: number): Order {
  const market = Number.isNaN(o.limit);
  let average: Price | null = null;
  if (o.fills === 1) average = unitsToDecimal(o.value / o.filled, tickPlaces) as Price;
  else if (o.fills > 1) average = unitsToDecimal(o.value, tickPlaces).dividedBy(o.filled) as Price;
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    symbol: o.symbol,
    side: o.side,
    type: market ? 'market' : 'limit',
    timeInForce: o.timeInForce,
    orderClass: 'simple',
    quantity: new Decimal(o.quantity) as Quantity,
    notional: null,
    limitPrice: market ? null : (unitsToDecimal(o.limit, tickPlaces) as Price),
    stopPrice: null,
    trailAmount: null,
    trailPercent: null,
    trailReference: null,
    extendedHours: false,
    status: o.status,
    triggered: false,
    filledQuantity: new Decimal(o.filled) as Quantity,
    averageFillPrice: average,
    commission: unitsToDecimal(o.charged, cashPlaces) as Money,
    parentId: null,
    legRole: null,
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: 'strategy',
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

/** The venue's working order for it (as venue.ts would have booked the same fills). */
export function toWorking(o: FastOrder, tickPlaces: number, cashPlaces: number): WorkingOrder {
  return {
    order: toOrder(o, tickPlaces, cashPlaces),
    seq: o.seq,
    parentKey: null,
    armed: true,
    armedAt: -1,
    expiresAt: null,
    fills: o.fills,
    fillIdBase: o.id,
    filledValue: money(unitsToDecimal(o.value, tickPlaces)),
    charged: money(unitsToDecimal(o.charged, cashPlaces)),
    rawCommission: o.fills === 0 ? ZERO : null,
  };
}

/**
 * The fast lane's copy of a screened order, or null when the lane does not take it: only
 * simple market and limit orders by quantity, day or gtc, in regular hours, whole units,
 * a limit on the tick.
 */
export function fastOrderOf(order: Order, index: number, tickPlaces: number, seq: number): FastOrder | null {
  const simple = order.orderClass === 'simple' && order.notional === null && !order.extendedHours && order.filledQuantity.isZero();
  if (!simple || (order.type !== 'market' && order.type !== 'limit')) return null;
  if (order.timeInForce !== 'day' && order.timeInForce !== 'gtc') return null;
  if (order.stopPrice !== null || order.trailAmount !== null || order.trailPercent !== null) return null;
  const quantity = parseUnits(order.quantity.toFixed(), 0);
  const limit = order.limitPrice === null ? Number.NaN : parseUnits(order.limitPrice.toFixed(), tickPlaces);
  if (quantity === null || quantity <= 0 || limit === null || (order.type === 'limit') === Number.isNaN(limit)) return null;
  return new FastOrder(order.id, order.clientOrderId, index, order.symbol, order.side, limit, order.timeInForce, quantity, order.createdAt, seq);
}
