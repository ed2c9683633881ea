import type { LegRole, OrderSide, PlaceOrder } from '@shared/dto/trading';
import { Decimal, type Money, type Price, type Quantity, quantity as toQuantity } from '@shared/money/decimal';
import type { Order } from '../model/order';

const ZERO_QTY = new Decimal(0) as Quantity;
const ZERO_MONEY = new Decimal(0) as Money;
const dec = <T extends Decimal>(text: string | undefined): T | null => (text === undefined ? null : (new Decimal(text) as T));

export interface NewOrderIds {
  id: string;
  clientOrderId: string;
}

/**
 * A pending_new order from a client's request. A notional order's quantity is the amount
 * over the reference price, rounded down to the lot size (0 when there is no price yet:
 * validation then refuses it).
 */
export function orderFromRequest(request: PlaceOrder, ids: NewOrderIds, now: number, lot: Decimal, reference: Price | null): Order {
  const notional = dec<Money>(request.notional);
  let quantity = dec<Quantity>(request.quantity) ?? ZERO_QTY;
  if (notional && reference && reference.greaterThan(0)) {
    quantity = toQuantity(notional.dividedBy(reference).dividedBy(lot).floor().times(lot));
  }
  return {
    id: ids.id,
    clientOrderId: ids.clientOrderId,
    symbol: request.symbol,
    side: request.side,
    type: request.type,
    timeInForce: request.timeInForce,
    orderClass: request.orderClass,
    quantity,
    notional,
    // An OCO's take-profit is the order itself (Alpaca's convention): its limit is the leg's.
    limitPrice: dec<Price>(request.limitPrice),
    stopPrice: dec<Price>(request.stopPrice),
    trailAmount: dec<Price>(request.trailAmount),
    trailPercent: dec<Decimal>(request.trailPercent),
    trailReference: null,
    extendedHours: request.extendedHours,
    status: 'pending_new',
    triggered: false,
    filledQuantity: ZERO_QTY,
    averageFillPrice: null,
    commission: ZERO_MONEY,
    parentId: null,
    legRole: request.orderClass === 'simple' ? null : request.orderClass === 'oco' ? 'take_profit' : 'entry',
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: request.source,
    createdAt: now,
    updatedAt: now,
  };
}

const opposite = (side: OrderSide): OrderSide => (side === 'buy' ? 'sell' : 'buy');

/** A client order id for a leg: the parent's with a suffix, kept within 48 characters. */
export function legClientOrderId(parent: string, role: LegRole): string {
  const suffix = role === 'take_profit' ? '-tp' : '-sl';
  return parent.slice(0, 48 - suffix.length) + suffix;
}

/**
 * The exit legs of a bracket, OTO or OCO: opposite side, the entry's quantity and TIF (day
 * or gtc, as Alpaca does). For an OCO there is no entry: `parent` is the take-profit itself
 * and only the stop-loss is built here.
 */
export function exitLegs(parent: Order, request: PlaceOrder, idFor: (role: LegRole) => string): Order[] {
  const legs: Order[] = [];
  const base = {
    ...parent,
    side: opposite(parent.side),
    orderClass: parent.orderClass,
    notional: null,
    trailAmount: null,
    trailPercent: null,
    extendedHours: false,
    parentId: parent.id,
    timeInForce: parent.timeInForce === 'gtc' ? ('gtc' as const) : ('day' as const),
  };
  if (request.orderClass === 'oco') {
    // The request is the take-profit limit (sell to close a long, buy to cover a short).
    const stop = request.stopLoss;
    if (!stop) return legs;
    legs.push({
      ...base,
      side: parent.side,
      id: idFor('stop_loss'),
      clientOrderId: legClientOrderId(parent.clientOrderId, 'stop_loss'),
      type: stop.limitPrice ? 'stop_limit' : 'stop',
      limitPrice: dec<Price>(stop.limitPrice),
      stopPrice: dec<Price>(stop.stopPrice),
      legRole: 'stop_loss',
    });
    return legs;
  }
  if (request.takeProfit) {
    legs.push({
      ...base,
      id: idFor('take_profit'),
      clientOrderId: legClientOrderId(parent.clientOrderId, 'take_profit'),
      type: 'limit',
      limitPrice: dec<Price>(request.takeProfit.limitPrice),
      stopPrice: null,
      legRole: 'take_profit',
    });
  }
  if (request.stopLoss) {
    legs.push({
      ...base,
      id: idFor('stop_loss'),
      clientOrderId: legClientOrderId(parent.clientOrderId, 'stop_loss'),
      type: request.stopLoss.limitPrice ? 'stop_limit' : 'stop',
      limitPrice: dec<Price>(request.stopLoss.limitPrice),
      stopPrice: dec<Price>(request.stopLoss.stopPrice),
      legRole: 'stop_loss',
    });
  }
  return legs;
}
