import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import { Decimal, toCents, money } from '@shared/money/decimal';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import type { StrategyOrder } from '../strategy/strategy-api';
import { FastOrder } from './fast-order';
import { FillSlot } from './fill-log';
import { QuickOrder, quickOrder } from './quick-order';
import * as scaled from './scaled';
import type { MutableBar } from './series-view';
import type { SimAccount } from './sim-account';
import { objectArray } from './born-packed';

// Module-local copies of the bindings: read once, not through the import on every use (under a
// CommonJS transform, as tsx runs the bench, each read of an imported binding is a getter call).
const { decimalToUnits, floatToTicks, POW10, SAFE, safeProduct } = scaled;

export interface FastLaneOptions {
  account: SimAccount;
  specs: readonly InstrumentSpec[];
  slippage: SlippageModel;
  commission: CommissionModel;
  tradingDayOf: (time: number) => string;
  /** Called after each change of an order. */
  changed: (order: FastOrder) => void;
}

/** Per-order commission in cash units for the models the lane takes; null for the rest. */
function perOrderUnits(model: CommissionModel, cashPlaces: number): number | null {
  if (model.model === 'none') return 0;
  if (model.model !== 'per_order') return null;
  return decimalToUnits(toCents(money(new Decimal(model.amount))), cashPlaces);
}

/**
 * A symbol's working orders in creation order. Not a bare array: an array emptied by
 * `length = 0` or pop() drops its storage, and most symbols go 0 → 1 → 0 orders again and
 * again (every order would then allocate). Entries past `size` are stale.
 */
export class OrderList {
  readonly items: FastOrder[] = objectArray();
  size = 0;

  push(order: FastOrder): void {
    if (this.size < this.items.length) this.items[this.size] = order;
    else this.items.push(order); // growing: a store past the end would deoptimise code that only saw stores within it
    this.size += 1;
  }

  remove(order: FastOrder): void {
    const items = this.items;
    let at = 0;
    while (at < this.size && items[at] !== order) at += 1;
    if (at === this.size) return;
    for (let i = at + 1; i < this.size; i += 1) items[i - 1] = items[i]!;
    this.size -= 1;
  }

  clear(): void {
    this.size = 0;
  }
}

/**
 * The backtest's exact fast lane: what the paper venue does with simple market and limit
 * orders (day or gtc) on bars, without slippage and with no or per-order commission, done in
 * scaled integers. Its screening answers only "clearly passes" (the buying-power rule with
 * room to spare, a sell within the position); anything else goes to the full screening.
 * `available` says whether a run can use it at all (see SimAccount.exact for the books).
 */
export class FastLane {
  readonly available: boolean;
  /** Working orders per symbol, in creation order. */
  readonly working: OrderList[];
  private readonly perOrder: number;
  private readonly left = [0, 0];
  /** onBar's copy of a symbol's working orders, reused (entries past the count in use are stale). */
  private readonly scratch: FastOrder[] = objectArray();
  /** screen's parsed order, reused. */
  private readonly quick = new QuickOrder();
  /** fill's record for the books, reused (they copy it). */
  private readonly fillSlot = new FillSlot();

  constructor(private readonly options: FastLaneOptions) {
    const { account, specs, slippage, commission } = options;
    const perOrder = perOrderUnits(commission, account.cashPlaces);
    this.perOrder = perOrder ?? 0;
    this.available = account.exact && slippage.model === 'none' && perOrder !== null && specs.every((spec) => spec.assetClass !== 'index');
    this.working = specs.map(() => new OrderList());
  }

  /** The order when it screens as clearly passing every gate, ready to book; null: take the full path. `madeId`: the broker made the client order id. */
  screen(input: StrategyOrder, ids: { id: string; clientOrderId: string }, madeId: boolean, index: number, now: number, seq: { nextSeq(): number }): FastOrder | null {
    const places = this.options.account.tickPlaces[index]!;
    const q = this.quick;
    if (!quickOrder(input, ids.clientOrderId, madeId, places, q)) return null;
    const reference = Number.isNaN(q.limit) ? this.lastTicks(index) : q.limit;
    if (reference === null || !this.fits(q.side === 'buy', index, q.units, reference)) return null;
    return new FastOrder(ids.id, ids.clientOrderId, index, q.symbol, q.side, q.limit, q.timeInForce, q.units, now, seq.nextSeq());
  }

  add(order: FastOrder): void {
    this.working[order.index]!.push(order);
  }

  /** Expires due day orders of the bar's symbol, then works its orders in creation order on the bar. False (nothing done): the lane cannot price this bar. */
  onBar(index: number, bar: MutableBar): boolean {
    const places = this.options.account.tickPlaces[index]!;
    const open = this.ticks(index, bar.open, places);
    const high = this.ticks(index, bar.high, places);
    const low = this.ticks(index, bar.low, places);
    const close = this.ticks(index, bar.close, places);
    const volume = bar.volume;
    if (open === null || high === null || low === null || close === null || volume > SAFE) return false;
    const list = this.scratch;
    const book = this.working[index]!;
    const count = book.size;
    for (let i = 0; i < count; i += 1) {
      // A copy: fills take orders off the book. Grown by push (see OrderList.push).
      if (i < list.length) list[i] = book.items[i]!;
      else list.push(book.items[i]!);
    }
    for (let i = 0; i < count; i += 1) {
      const order = list[i]!;
      if (order.timeInForce !== 'day' || !order.working) continue;
      if (Number.isNaN(order.firstBar)) order.firstBar = bar.time;
      else if (this.options.tradingDayOf(order.firstBar) !== this.options.tradingDayOf(bar.time)) this.end(order, 'expired', bar.time);
    }
    const unlimited = !(Number.isFinite(volume) && volume > 0);
    this.left[0] = volume;
    this.left[1] = volume;
    for (let i = 0; i < count; i += 1) {
      const order = list[i]!;
      if (!order.working) continue;
      const limit = order.limit;
      let at: number;
      if (Number.isNaN(limit)) at = open;
      else if (order.buy) at = low <= limit ? (limit <= open ? limit : open) : Number.NaN;
      else at = high >= limit ? (limit >= open ? limit : open) : Number.NaN;
      if (Number.isNaN(at)) continue;
      const side = order.buy ? 0 : 1;
      const remaining = order.remaining;
      const available = unlimited ? remaining : Math.floor(this.left[side]!);
      const quantity = available < remaining ? available : remaining;
      if (quantity <= 0) continue;
      if (!unlimited) this.left[side] = Math.max(this.left[side]! - quantity, 0);
      this.fill(order, quantity, at, bar.time);
    }
    return true;
  }

  /** The working order with this client order id, if the lane has it. */
  byClientId(clientOrderId: string): FastOrder | undefined {
    for (const list of this.working) for (let i = 0; i < list.size; i += 1) if (list.items[i]!.clientOrderId === clientOrderId) return list.items[i];
    return undefined;
  }

  end(order: FastOrder, status: 'canceled' | 'expired', time: number): void {
    this.remove(order);
    order.status = status;
    order.updatedAt = time;
    this.options.changed(order);
  }

  /** Every working order, in creation order. */
  all(): FastOrder[] {
    const orders: FastOrder[] = [];
    for (const list of this.working) for (let i = 0; i < list.size; i += 1) orders.push(list.items[i]!);
    return orders.sort((a, b) => a.seq - b.seq);
  }

  private fill(order: FastOrder, quantity: number, ticks: number, time: number): void {
    const commission = order.filled === 0 ? this.perOrder : 0;
    order.filled += quantity;
    order.value += quantity * ticks;
    order.charged += commission;
    order.fills += 1;
    order.status = order.filled >= order.quantity ? 'filled' : 'partially_filled';
    order.updatedAt = time;
    const slot = this.fillSlot;
    slot.id = order.fills;
    slot.orderId = order.id;
    slot.clientOrderId = order.clientOrderId;
    slot.symbol = order.symbol;
    slot.side = order.side;
    slot.index = order.index;
    slot.units = quantity;
    slot.ticks = ticks;
    slot.commission = commission;
    slot.time = time;
    this.options.account.applyUnits(slot);
    this.options.changed(order);
    if (order.status === 'filled') this.remove(order);
  }

  private remove(order: FastOrder): void {
    this.working[order.index]!.remove(order);
  }

  /** A bar price on the tick, in ticks (fromFloat's rounding; the decimal path when floats cannot prove it). */
  private ticks(index: number, value: number, places: number): number | null {
    const fast = floatToTicks(value, places);
    if (fast !== null) return fast;
    return decimalToUnits(this.options.account.prices[index]!.of(value), places);
  }

  private lastTicks(index: number): number | null {
    const close = this.options.account.lastClose[index]!;
    if (!Number.isFinite(close)) return null;
    return this.ticks(index, close, this.options.account.tickPlaces[index]!);
  }

  /**
   * The buying-power rule's pass, exactly, for the only rules that can refuse without limits
   * (no_price is answered by having a reference). A sell must lie within the position less the
   * working sells; a buy's opening part at its reference must fit the cash less what the
   * working buys reserve. false: let the full rules decide (they refuse, or pass near the edge).
   */
  private fits(buy: boolean, index: number, quantity: number, reference: number): boolean {
    const { account } = this.options;
    const held = account.quantitiesF[index]!;
    let working = 0;
    const list = this.working[index]!;
    for (let i = 0; i < list.size; i += 1) {
      const order = list.items[i]!;
      working += order.buy ? order.remaining : -order.remaining;
    }
    if (!buy) return quantity <= Math.max(held + Math.min(working, 0), 0);
    const opening = Math.max(quantity - Math.max(-(held + Math.max(working, 0)), 0), 0);
    if (opening === 0) return true;
    const cost = safeProduct(opening, reference * POW10[account.cashPlaces - account.tickPlaces[index]!]!);
    const reserved = this.reserved();
    return cost !== null && reserved !== null && cost <= account.cashInUnits - reserved;
  }

  /** What the working buys would spend at their limit or last close, in cash units; null when unknown here. */
  private reserved(): number | null {
    const { account } = this.options;
    let total = 0;
    for (let k = 0; k < this.working.length; k += 1) {
      const list = this.working[k]!;
      for (let i = 0; i < list.size; i += 1) {
        const order = list.items[i]!;
        if (!order.buy) continue;
        const price = Number.isNaN(order.limit) ? this.lastTicks(k) : order.limit;
        if (price === null) return null;
        const value = safeProduct(order.remaining, price * POW10[account.cashPlaces - account.tickPlaces[k]!]!);
        if (value === null) return null;
        total += value;
      }
    }
    return Math.abs(total) <= SAFE ? total : null;
  }
}
