import { Decimal, toDecimalString } from '@shared/money/decimal';
import { isOpen, type FakeOrder } from './order-model';
import type { OrderBook, TradeUpdateData } from './order-book';
import { apiError, decimalField, type ApiError } from './validate-order';

/**
 * What happens to orders after they rest: fills (the test drives them), cancels, replaces,
 * rejections and expiries, each with the trade update Alpaca sends for it.
 */
/** One execution as GET /v2/account/activities/FILL lists it (docs: Account Activities, TradeActivity). */
export interface FillActivity {
  activity_type: 'FILL';
  id: string;
  transaction_time: string;
  type: 'fill' | 'partial_fill';
  price: string;
  qty: string;
  side: 'buy' | 'sell';
  symbol: string;
  leaves_qty: string;
  order_id: string;
  cum_qty: string;
  order_status: string;
  /** For the listing's `after` filter. */
  at: number;
}

export class Executions {
  /** 'manual': a cancel request only marks the order; the test calls completeCancel(). */
  cancelMode: 'immediate' | 'manual' = 'immediate';
  /** Every execution, oldest first, as the activities endpoint serves them. */
  readonly activities: FillActivity[] = [];

  constructor(private readonly book: OrderBook) {
    book.onFill = (order, price) => void this.fill(order.id, null, price.toFixed());
  }

  /** Executes `qty` (all that is left when null) at `price`; emits partial_fill or fill. */
  fill(ref: string, qty: string | null, price: string): TradeUpdateData {
    const order = this.book.get(ref);
    if (!isOpen(order) || order.status === 'held') throw new Error(`fake-alpaca: order ${ref} is ${order.status}, it cannot fill`);
    const px = new Decimal(price);
    const remaining = this.remainingQty(order, px);
    const amount = qty === null ? remaining : new Decimal(qty);
    if (amount.lessThanOrEqualTo(0) || amount.greaterThan(remaining)) {
      throw new Error(`fake-alpaca: cannot fill ${amount.toFixed()} of ${ref}, ${remaining.toFixed()} left`);
    }
    order.filledQty = order.filledQty.plus(amount);
    order.filledValue = order.filledValue.plus(amount.times(px));
    const done = amount.equals(remaining);
    const positionQty = this.book.deps.ledger.applyFill(order.symbol, order.side, amount, px);
    this.book.setStatus(order, done ? 'filled' : 'partially_filled');
    if (done) order.filledAt = order.updatedAt;
    const executionId = this.book.deps.ids.uuid();
    const data = this.book.event(order, done ? 'fill' : 'partial_fill', {
      execution_id: executionId,
      price: toDecimalString(px),
      qty: toDecimalString(amount),
      position_qty: toDecimalString(positionQty),
    });
    this.record(order, executionId, amount, px, done);
    if (done) this.afterFill(order);
    return data;
  }

  private record(order: FakeOrder, executionId: string, amount: Decimal, px: Decimal, done: boolean): void {
    const at = this.book.deps.now();
    const stamp = new Date(at).toISOString();
    this.activities.push({
      activity_type: 'FILL',
      // Alpaca's activity ids are "<yyyymmddhhmmssSSS>::<uuid>"; they sort in time order.
      id: `${stamp.replace(/[-:TZ.]/g, '')}::${executionId}`,
      transaction_time: stamp,
      type: done ? 'fill' : 'partial_fill',
      price: toDecimalString(px),
      qty: toDecimalString(amount),
      side: order.side,
      symbol: order.symbol,
      leaves_qty: toDecimalString(order.qty === null ? new Decimal(0) : order.qty.minus(order.filledQty)),
      order_id: order.id,
      cum_qty: toDecimalString(order.filledQty),
      order_status: done ? 'filled' : 'partially_filled',
      at,
    });
  }

  /** Notional orders are done when their notional is spent; the test picks exact numbers. */
  private remainingQty(order: FakeOrder, px: Decimal): Decimal {
    if (order.qty !== null) return order.qty.minus(order.filledQty);
    return order.notional!.minus(order.filledValue).dividedBy(px);
  }

  /** An entry's fill frees its exits; an exit's fill cancels its sibling (docs: Bracket Orders). */
  private afterFill(order: FakeOrder): void {
    const group = this.group(order);
    const parent = group[0]!;
    const entryFilled = order === parent && parent.orderClass !== 'oco';
    if (entryFilled) {
      for (const leg of this.book.legs(parent)) {
        if (leg.status !== 'held') continue;
        this.book.setStatus(leg, 'new');
        this.book.event(leg, 'new');
      }
      return;
    }
    for (const other of group) if (other !== order && other !== parent && isOpen(other)) this.finishCancel(other);
    if (parent.orderClass === 'oco' && order !== parent && isOpen(parent)) this.finishCancel(parent);
  }

  private group(order: FakeOrder): FakeOrder[] {
    const parent = order.parentId === null ? order : this.book.get(order.parentId);
    return [parent, ...this.book.legs(parent)];
  }

  /** DELETE /v2/orders/{id}: 204 now, the `canceled` update right after (or on completeCancel). */
  requestCancel(ref: string): ApiError | null {
    const order = this.book.find(ref);
    if (!order) return apiError(404, 40410000, 'order not found');
    if (!isOpen(order)) return apiError(422, 42210000, `order is already in "${order.status}" state`);
    const at = this.book.deps.stamps.stamp(this.book.deps.now());
    for (const o of this.group(order)) if (isOpen(o)) o.cancelRequestedAt = at;
    if (this.cancelMode === 'immediate') this.book.deps.later(() => this.completeCancel(order.id));
    return null;
  }

  /** Cancels the whole group still open ("If any one of the orders is canceled, any remaining open order in the group is canceled"). */
  completeCancel(ref: string): void {
    for (const o of this.group(this.book.get(ref))) if (isOpen(o)) this.finishCancel(o);
  }

  private finishCancel(order: FakeOrder): void {
    this.book.setStatus(order, 'canceled');
    order.canceledAt = order.updatedAt;
    this.book.event(order, 'canceled');
  }

  reject(ref: string, reason?: string): TradeUpdateData {
    const order = this.book.get(ref);
    this.book.setStatus(order, 'rejected');
    order.failedAt = order.updatedAt;
    return this.book.event(order, 'rejected', reason === undefined ? {} : { reason });
  }

  expire(ref: string): TradeUpdateData {
    const order = this.book.get(ref);
    this.book.setStatus(order, 'expired');
    order.expiredAt = order.updatedAt;
    return this.book.event(order, 'expired');
  }

  /**
   * PATCH /v2/orders/{id}: a new order (new id, `replaces` = old id) carrying the changes; the
   * old one becomes `replaced` with `replaced_by`. The new order's qty defaults to what the old
   * one had left. Updates: `replaced` for the old order, then `new` for the new one.
   */
  replace(ref: string, body: Record<string, unknown>): { order: FakeOrder } | { error: ApiError } {
    const old = this.book.find(ref);
    if (!old) return { error: apiError(404, 40410000, 'order not found') };
    if (!isOpen(old) || old.status === 'held') return { error: apiError(422, 42210000, `order is already in "${old.status}" state`) };
    let qty: Decimal | null, limitPrice: Decimal | null, stopPrice: Decimal | null, trail: Decimal | null;
    try {
      [qty, limitPrice, stopPrice, trail] = ['qty', 'limit_price', 'stop_price', 'trail'].map((f) => decimalField(body, f)) as [Decimal | null, Decimal | null, Decimal | null, Decimal | null];
    } catch (e) {
      return { error: apiError(422, 40010001, e instanceof Error ? e.message : 'invalid body') };
    }
    const clientOrderId = typeof body.client_order_id === 'string' && body.client_order_id !== '' ? body.client_order_id : null;
    if (clientOrderId !== null && this.book.find(clientOrderId)) return { error: apiError(422, 40010001, 'client_order_id must be unique') };
    const tif = typeof body.time_in_force === 'string' ? body.time_in_force : old.timeInForce;
    const next = this.book.create(
      {
        ...old,
        timeInForce: tif as FakeOrder['timeInForce'],
        qty: qty ?? (old.qty === null ? null : old.qty.minus(old.filledQty)),
        limitPrice: limitPrice ?? old.limitPrice,
        stopPrice: stopPrice ?? old.stopPrice,
        trailPrice: old.trailPrice === null ? null : (trail ?? old.trailPrice),
        trailPercent: old.trailPercent === null ? null : (trail ?? old.trailPercent),
        clientOrderId,
        takeProfit: null,
        stopLoss: null,
      },
      null,
    );
    next.replaces = old.id;
    this.book.setStatus(old, 'replaced');
    old.replacedAt = old.updatedAt;
    old.replacedBy = next.id;
    this.book.deps.later(() => {
      this.book.event(old, 'replaced');
      this.book.announce(next);
    });
    return { order: next };
  }
}
