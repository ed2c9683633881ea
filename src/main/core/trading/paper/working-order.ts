import { Decimal, money, toDecimalString, type Money, type Price, type Quantity } from '@shared/money/decimal';
import { remainingQuantity, type Order } from '../model/order';

const ZERO = new Decimal(0);

/** An order the paper venue is working, with the venue's own bookkeeping. */
export interface WorkingOrder {
  /** The venue's copy, kept current: fills, status, trigger and trail. */
  order: Order;
  /** Creation order: orders of a symbol are evaluated in it. */
  seq: number;
  /**
   * The entry this leg belongs to (the OCO's take-profit for an OCO stop-loss). Starts as
   * `order.parentId`; follows the entry when the entry is replaced.
   */
  parentKey: string | null;
  /** False while a bracket/OTO exit waits for its entry to fill completely. */
  armed: boolean;
  /** The market event count when armed: exits work from the next event on. */
  armedAt: number;
  /** The regular close it expires at; null while not yet known or when it never expires. */
  expiresAt: number | null;
  fills: number;
  /** `${order.id}` for a fresh order; restored part-filled orders get a distinct base. */
  fillIdBase: string;
  filledValue: Money;
  charged: Money;
  /** See OrderCommissionState.raw: null for a restored order. */
  rawCommission: Decimal | null;
}

export function workingOrder(order: Order, seq: number, idPrefix: string): WorkingOrder {
  const filled = order.filledQuantity;
  // Fill ids restart at F1 after a restore; the filled quantity keeps them from colliding with
  // the fills before it (and a second restore at the same point replays the same ids).
  const base = filled.isZero() ? `${idPrefix}${order.id}` : `${idPrefix}${order.id}-R${toDecimalString(filled)}`;
  return {
    order: { ...order },
    seq,
    parentKey: order.parentId,
    armed: true,
    armedAt: -1,
    expiresAt: null,
    fills: 0,
    fillIdBase: base,
    filledValue: money(order.averageFillPrice === null ? 0 : filled.times(order.averageFillPrice)),
    charged: order.commission,
    rawCommission: filled.isZero() ? ZERO : null,
  };
}

export function isExitLeg(order: Pick<Order, 'legRole'>): boolean {
  return order.legRole === 'take_profit' || order.legRole === 'stop_loss';
}

/**
 * The key shared by legs that cancel each other: an OCO's take-profit (the parent) and its
 * stop-loss; a bracket's or OTO's exits. Entries and simple orders have none.
 */
export function ocoGroup(working: WorkingOrder): string | null {
  if (!isExitLeg(working.order)) return null;
  if (working.order.orderClass === 'oco') return working.parentKey ?? working.order.id;
  return working.parentKey;
}

/** Books a fill on the venue's copy; returns the fill id. */
export function bookFill(working: WorkingOrder, qty: Quantity, px: Price, commission: Money, raw: Decimal | null, time: number): string {
  const order = working.order;
  // A first fill's average is its price: value ÷ quantity gives px back exactly when q × px is exact.
  const first = order.filledQuantity.isZero() && working.filledValue.isZero() && qty.sd() + px.sd() <= Decimal.precision;
  const filled = order.filledQuantity.plus(qty) as Quantity;
  working.filledValue = money(working.filledValue.plus(qty.times(px)));
  working.charged = money(working.charged.plus(commission));
  working.rawCommission = raw;
  working.fills += 1;
  order.filledQuantity = filled;
  order.averageFillPrice = first ? px : (working.filledValue.dividedBy(filled) as Price);
  order.commission = working.charged;
  order.status = remainingQuantity(order).lessThanOrEqualTo(0) ? 'filled' : 'partially_filled';
  order.updatedAt = time;
  return `${working.fillIdBase}-F${working.fills}`;
}

export function floorToLot(value: Decimal, lot: Decimal): Decimal {
  return value.dividedBy(lot).floor().times(lot);
}
