import { Decimal, toDecimalString, ZERO } from '@shared/money/decimal';
import type { AlpacaOrder } from '../../../src/main/node/adapters/alpaca/wire';
import { assetIdOf, type IdSource } from './ids';
import type { Ledger } from './ledger';
import { isOpen, orderToWire, type FakeOrder, type OrderStatus } from './order-model';
import type { StampWriter } from './timestamps';
import { apiError, type ApiError, type ParsedOrder } from './validate-order';

/** `data` of one trade_updates message. */
export interface TradeUpdateData {
  event: string;
  order: AlpacaOrder;
  timestamp: string;
  execution_id?: string;
  price?: string;
  qty?: string;
  position_qty?: string;
  [extra: string]: unknown;
}

export interface FakeAssetSpec {
  symbol: string;
  name?: string;
  exchange?: string;
  tradable?: boolean;
  fractionable?: boolean;
  shortable?: boolean;
  status?: 'active' | 'inactive';
}

export interface BookDeps {
  ids: IdSource;
  stamps: StampWriter;
  now(): number;
  ledger: Ledger;
  assets: Map<string, FakeAssetSpec>;
  shorting: boolean;
  initialStatus: OrderStatus;
  /** Hands an update to the stream (lost when nobody listens). */
  emit(data: TradeUpdateData): void;
  /** Runs `fn` after the current REST answer is written. */
  later(fn: () => void): void;
}

/** The fake's orders: submit, replace and cancel from REST; fills and the rest from the test. */
export class OrderBook {
  readonly orders = new Map<string, FakeOrder>();
  /** Every client order id ever used: Alpaca never lets one be reused. */
  private readonly clientIds = new Map<string, string>();
  private seq = 0;
  fillOnSubmit: string | Record<string, string> | null = null;

  constructor(readonly deps: BookDeps) {}

  find(ref: string): FakeOrder | undefined {
    const id = this.orders.has(ref) ? ref : this.clientIds.get(ref);
    return id === undefined ? undefined : this.orders.get(id);
  }

  get(ref: string): FakeOrder {
    const order = this.find(ref);
    if (!order) throw new Error(`fake-alpaca: no order ${ref}`);
    return order;
  }

  legs(order: FakeOrder): FakeOrder[] {
    return order.legIds.map((id) => this.orders.get(id)!);
  }

  wire(order: FakeOrder, nested = true): AlpacaOrder {
    return orderToWire(order, nested && order.legIds.length > 0 ? this.legs(order) : null);
  }

  /** Buy orders reserve their remaining cost from buying power. */
  reserved(): Decimal {
    let total = ZERO;
    for (const o of this.orders.values()) {
      if (o.side !== 'buy' || !isOpen(o) || o.parentId !== null) continue;
      const cost = this.cost(o);
      if (cost !== null) total = total.plus(cost);
    }
    return total;
  }

  /** Sell quantity open orders hold against a long position (legs of one group count once). */
  heldForSells(symbol: string): Decimal {
    let held = ZERO;
    for (const o of this.orders.values()) {
      if (o.symbol !== symbol || o.side !== 'sell' || !isOpen(o) || o.qty === null) continue;
      const parent = o.parentId === null ? null : this.orders.get(o.parentId)!;
      if (parent && parent.side === 'sell') continue; // OCO: the parent already holds it
      if (parent && o.orderClass === 'bracket' && parent.legIds[0] !== o.id) continue;
      if (o.status === 'held' && parent && parent.side === 'buy') continue; // entry not filled yet
      held = held.plus(o.qty.minus(o.filledQty));
    }
    return held;
  }

  submit(p: ParsedOrder): { order: FakeOrder } | { error: ApiError } {
    const asset = this.deps.assets.get(p.symbol);
    if (!asset) return { error: apiError(422, 42210000, `asset "${p.symbol}" not found`) };
    if (asset.tradable === false || asset.status === 'inactive') return { error: apiError(422, 42210000, `asset ${p.symbol} is not tradable`) };
    if (p.qty !== null && !p.qty.isInteger() && asset.fractionable === false) {
      return { error: apiError(422, 40010001, 'qty must be integer') };
    }
    if (p.clientOrderId !== null && this.clientIds.has(p.clientOrderId)) {
      return { error: apiError(422, 40010001, 'client_order_id must be unique') };
    }
    const denied = this.checkFunds(p);
    if (denied) return { error: denied };
    const order = this.create(p, null);
    this.createLegs(order, p);
    this.deps.later(() => this.announce(order));
    return { order };
  }

  private checkFunds(p: ParsedOrder): ApiError | null {
    const ledger = this.deps.ledger;
    if (p.side === 'sell' && !this.deps.shorting && p.qty !== null) {
      const available = Decimal.max(ZERO, ledger.qty(p.symbol).minus(this.heldForSells(p.symbol)));
      if (p.qty.greaterThan(available)) {
        const message = `insufficient qty available for order (requested: ${toDecimalString(p.qty)}, available: ${toDecimalString(available)})`;
        return apiError(403, 40310000, message);
      }
    }
    if (p.side !== 'buy') return null;
    const price = p.limitPrice ?? p.stopPrice ?? ledger.price(p.symbol) ?? this.submitPrice(p.symbol);
    const cost = p.notional ?? (price === null || p.qty === null ? null : p.qty.times(price));
    const power = ledger.buyingPower(this.reserved());
    if (cost === null || cost.lessThanOrEqualTo(power)) return null;
    // alpacahq/alpaca-py#225: {"buying_power":"176531.28","code":40310000,"cost_basis":"48640000","message":"insufficient buying power"}
    return apiError(403, 40310000, 'insufficient buying power', { buying_power: toDecimalString(power), cost_basis: toDecimalString(cost) });
  }

  submitPrice(symbol: string): Decimal | null {
    const rule = this.fillOnSubmit;
    const text = rule === null ? undefined : typeof rule === 'string' ? rule : rule[symbol];
    return text === undefined ? null : new Decimal(text);
  }

  private cost(o: FakeOrder): Decimal | null {
    if (o.notional !== null) return o.notional.minus(o.filledValue);
    const price = o.limitPrice ?? o.stopPrice ?? this.deps.ledger.price(o.symbol);
    return price === null || o.qty === null ? null : o.qty.minus(o.filledQty).times(price);
  }

  create(p: ParsedOrder, parent: FakeOrder | null, status: OrderStatus = this.deps.initialStatus): FakeOrder {
    const at = this.deps.stamps.stamp(this.deps.now());
    const id = this.deps.ids.uuid();
    const clientOrderId = p.clientOrderId ?? this.deps.ids.uuid();
    const { clientOrderId: _asked, takeProfit: _takeProfit, stopLoss: _stopLoss, ...terms } = p;
    const order: FakeOrder = {
      ...terms,
      seq: ++this.seq,
      id,
      clientOrderId,
      assetId: assetIdOf(p.symbol),
      filledQty: ZERO,
      filledValue: ZERO,
      status,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      filledAt: null,
      expiredAt: null,
      canceledAt: null,
      cancelRequestedAt: null,
      failedAt: null,
      replacedAt: null,
      replacedBy: null,
      replaces: null,
      parentId: parent?.id ?? null,
      legIds: [],
    };
    this.orders.set(id, order);
    this.clientIds.set(clientOrderId, id);
    return order;
  }

  /** Bracket/OTO exits wait ("held") for the entry; an OCO's stop leg is live at once. */
  private createLegs(parent: FakeOrder, p: ParsedOrder): void {
    const exitSide = parent.orderClass === 'oco' ? parent.side : parent.side === 'buy' ? 'sell' : 'buy';
    const status: OrderStatus = parent.orderClass === 'oco' ? this.deps.initialStatus : 'held';
    const base = { ...p, side: exitSide, clientOrderId: null, notional: null, trailPrice: null, trailPercent: null } as const;
    if (p.takeProfit && parent.orderClass !== 'oco') {
      const leg = this.create({ ...base, type: 'limit', limitPrice: p.takeProfit.limitPrice, stopPrice: null }, parent, status);
      parent.legIds.push(leg.id);
    }
    if (p.stopLoss) {
      const type = p.stopLoss.limitPrice === null ? 'stop' : 'stop_limit';
      const leg = this.create({ ...base, type, limitPrice: p.stopLoss.limitPrice, stopPrice: p.stopLoss.stopPrice }, parent, status);
      parent.legIds.push(leg.id);
    }
  }

  /** The stream's `new` for a fresh order (and live legs), then an instant fill if configured. */
  announce(order: FakeOrder): void {
    for (const o of [order, ...this.legs(order)]) {
      if (o.status === 'held' || !isOpen(o)) continue;
      this.setStatus(o, 'new');
      this.event(o, 'new');
    }
    const price = this.submitPrice(order.symbol);
    if (order.type === 'market' && price !== null && isOpen(order) && this.onFill) this.onFill(order, price);
  }

  /** Set by the executions module so announce() can fill at once without a cycle. */
  onFill: ((order: FakeOrder, price: Decimal) => void) | null = null;

  setStatus(order: FakeOrder, status: OrderStatus): void {
    order.status = status;
    order.updatedAt = this.deps.stamps.stamp(this.deps.now());
  }

  event(order: FakeOrder, event: string, extra: Partial<TradeUpdateData> = {}): TradeUpdateData {
    const parent = order.parentId === null ? order : this.orders.get(order.parentId)!;
    const data: TradeUpdateData = {
      event,
      order: this.wire(order, order === parent),
      // The moment of the change itself (for a fill: filled_at), as in the docs example.
      timestamp: order.updatedAt.text,
      ...extra,
    };
    this.deps.emit(data);
    return data;
  }

  /** Orders newest first, as GET /v2/orders lists them by default. */
  list(filter: (o: FakeOrder) => boolean): FakeOrder[] {
    return [...this.orders.values()].filter(filter).sort((a, b) => b.submittedAt.ms - a.submittedAt.ms || b.seq - a.seq);
  }
}
