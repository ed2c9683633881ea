import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Fill } from '../model/fill';
import type { Order } from '../model/order';

/** A position the account already held when Kestrel first connected to it. */
export interface OpeningPosition {
  symbol: string;
  /** Signed: negative is short. */
  quantity: Quantity;
  averageCost: Price;
}

const ZERO = new Decimal(0);

/**
 * A broker account that already holds positions is taken over as it stands: each position
 * becomes one filled `system` order at its average cost, so the books (positions, cost, cash)
 * equal the broker's from the first moment and everything after is ordinary fills.
 */
export function openingOrder(position: OpeningPosition, id: string, time: number): { order: Order; fill: Fill } {
  const side = position.quantity.greaterThan(0) ? 'buy' : 'sell';
  const quantity = position.quantity.abs() as Quantity;
  const clientOrderId = `opening-${id}`;
  const order: Order = {
    id,
    clientOrderId,
    symbol: position.symbol,
    side,
    type: 'market',
    timeInForce: 'day',
    orderClass: 'simple',
    quantity,
    notional: null,
    limitPrice: null,
    stopPrice: null,
    trailAmount: null,
    trailPercent: null,
    trailReference: null,
    extendedHours: false,
    status: 'filled',
    triggered: false,
    filledQuantity: quantity,
    averageFillPrice: position.averageCost,
    commission: ZERO as Money,
    parentId: null,
    legRole: null,
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: 'system',
    createdAt: time,
    updatedAt: time,
  };
  const fill: Fill = { id: `${clientOrderId}-fill`, orderId: id, clientOrderId, symbol: position.symbol, side, quantity, price: position.averageCost, commission: ZERO as Money, time };
  return { order, fill };
}

/** Cash before the opening positions were bought, so that after them cash is the broker's. */
export function cashBeforeOpening(cash: Money, positions: readonly OpeningPosition[]): Money {
  return positions.reduce((sum, position) => sum.plus(position.quantity.times(position.averageCost)), cash as Decimal) as Money;
}
