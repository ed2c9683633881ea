import { Decimal } from '@shared/money/decimal';
import { AlpacaApiError } from './errors';
import type { AlpacaTradingApi } from './trading-api';
import type { AlpacaFillActivity,
  AlpacaAccount,
  AlpacaAsset,
  AlpacaCalendarDay,
  AlpacaClock,
  AlpacaOrder,
  AlpacaOrderRequest,
  AlpacaPosition,
  AlpacaReplaceRequest,
  TradeUpdate,
} from './wire';

/** How the next POST goes wrong: before Alpaca creates the order, or after (the answer is lost). */
export interface ScriptedFailure {
  error: Error;
  created: boolean;
  /** Runs on the created order before the error is thrown (say, a fill before the lookup). */
  then?: (order: AlpacaOrder) => void;
}

const opposite = (side: 'buy' | 'sell'): 'buy' | 'sell' => (side === 'buy' ? 'sell' : 'buy');

/**
 * Alpaca's Trading API in memory, for tests: orders (legs nested in their parent), positions,
 * the requests it received, and scripted failures. It behaves as Alpaca does where the broker
 * depends on it: a client order id is accepted once (422 after), a lookup of an unknown id is
 * null (404), a replace creates a new order, a filled order cannot be canceled (422).
 */
export class FakeAlpacaApi implements AlpacaTradingApi {
  readonly posts: AlpacaOrderRequest[] = [];
  readonly lookups: string[] = [];
  readonly cancels: string[] = [];
  readonly patches: { id: string; body: AlpacaReplaceRequest }[] = [];
  readonly submitFailures: ScriptedFailure[] = [];
  readonly lookupFailures: Error[] = [];
  readonly replaceFailures: ScriptedFailure[] = [];
  positionList: AlpacaPosition[] = [];
  private readonly top: AlpacaOrder[] = [];
  private seq = 0;
  private executions = 0;

  constructor(private readonly stamp: () => string = () => '2024-03-15T14:00:00Z') {}

  // --- the API --------------------------------------------------------------------------

  submitOrder(request: AlpacaOrderRequest): Promise<AlpacaOrder> {
    this.posts.push(request);
    const failure = this.submitFailures.shift();
    if (failure && !failure.created) return Promise.reject(failure.error);
    if (this.all().some((order) => order.client_order_id === request.client_order_id)) {
      return Promise.reject(new AlpacaApiError('orders', 422, 40010001, 'client_order_id must be unique'));
    }
    const order = this.create(request);
    failure?.then?.(order);
    return failure ? Promise.reject(failure.error) : Promise.resolve(structuredClone(order));
  }

  orderByClientOrderId(clientOrderId: string): Promise<AlpacaOrder | null> {
    this.lookups.push(clientOrderId);
    const failure = this.lookupFailures.shift();
    if (failure) return Promise.reject(failure);
    const found = this.top.find((order) => order.client_order_id === clientOrderId);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  getOrder(id: string): Promise<AlpacaOrder | null> {
    const found = this.top.find((order) => order.id === id) ?? this.all().find((order) => order.id === id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  listOrders(query: { status: 'open' | 'closed' | 'all'; after?: string; limit?: number }): Promise<AlpacaOrder[]> {
    const open = (order: AlpacaOrder) => !['filled', 'canceled', 'expired', 'replaced', 'rejected'].includes(order.status);
    const picked = this.top.filter((order) => query.status === 'all' || (query.status === 'open') === open(order));
    return Promise.resolve(structuredClone(picked));
  }

  replaceOrder(id: string, body: AlpacaReplaceRequest): Promise<AlpacaOrder> {
    this.patches.push({ id, body });
    const failure = this.replaceFailures.shift();
    if (failure && !failure.created) return Promise.reject(failure.error);
    const old = this.find(id);
    const created = this.create({
      symbol: old.symbol,
      side: old.side,
      type: old.type as AlpacaOrderRequest['type'],
      time_in_force: (body.time_in_force ?? old.time_in_force) as AlpacaOrderRequest['time_in_force'],
      qty: body.qty ?? old.qty ?? '0',
      client_order_id: body.client_order_id ?? `replacement-${this.seq}`,
      ...(body.limit_price ? { limit_price: body.limit_price } : {}),
      ...(body.stop_price ? { stop_price: body.stop_price } : {}),
    });
    created.replaces = id;
    old.status = 'replaced';
    old.replaced_by = created.id;
    return failure ? Promise.reject(failure.error) : Promise.resolve(structuredClone(created));
  }

  cancelOrder(id: string): Promise<void> {
    this.cancels.push(id);
    const order = this.find(id);
    if (order.status === 'filled') return Promise.reject(new AlpacaApiError('orders', 422, 42210000, 'order is already in "filled" state'));
    order.status = 'canceled';
    return Promise.resolve();
  }

  positions(): Promise<AlpacaPosition[]> {
    return Promise.resolve(structuredClone(this.positionList));
  }

  /** Not kept here: reconciliation falls back to the implied price, as when Alpaca's list fails. */
  fillActivities(): Promise<AlpacaFillActivity[]> {
    return Promise.reject(new Error('activities are not kept by this fake'));
  }

  cancelAllOrders(): Promise<{ id: string; status: number }[]> {
    return Promise.reject(new Error('not used by the broker'));
  }
  closePosition(): Promise<AlpacaOrder> {
    return Promise.reject(new Error('not used by the broker'));
  }
  account(): Promise<AlpacaAccount> {
    return Promise.reject(new Error('not used by the broker'));
  }
  clock(): Promise<AlpacaClock> {
    return Promise.reject(new Error('not used by the broker'));
  }
  calendar(): Promise<AlpacaCalendarDay[]> {
    return Promise.reject(new Error('not used by the broker'));
  }
  asset(): Promise<AlpacaAsset | null> {
    return Promise.reject(new Error('not used by the broker'));
  }

  // --- what the venue does, as stream events ---------------------------------------------

  /** Executes `qty` at `price` on an order (or leg): its totals exactly, and the trade update. */
  fill(id: string, qty: string, price: string): TradeUpdate {
    const order = this.find(id);
    const before = new Decimal(order.filled_qty);
    const total = before.plus(qty);
    const value = new Decimal(order.filled_avg_price ?? '0').times(before).plus(new Decimal(qty).times(price));
    order.filled_qty = total.toFixed();
    order.filled_avg_price = value.dividedBy(total).toFixed();
    order.status = total.greaterThanOrEqualTo(order.qty ?? '0') ? 'filled' : 'partially_filled';
    order.filled_at = this.stamp();
    this.executions += 1;
    return {
      event: order.status === 'filled' ? 'fill' : 'partial_fill',
      execution_id: `exec-${this.executions}`,
      order: structuredClone(order),
      timestamp: this.stamp(),
      price,
      qty,
    };
  }

  /** Sets an order's status and returns the matching trade update. */
  event(id: string, event: string, status: AlpacaOrder['status']): TradeUpdate {
    const order = this.find(id);
    order.status = status;
    return { event, order: structuredClone(order), timestamp: this.stamp() };
  }

  /** An order placed elsewhere (another app, Alpaca's dashboard). */
  placeElsewhere(request: AlpacaOrderRequest): AlpacaOrder {
    return this.create(request);
  }

  byClientOrderId(clientOrderId: string): AlpacaOrder | undefined {
    return this.all().find((order) => order.client_order_id === clientOrderId);
  }

  all(): AlpacaOrder[] {
    return this.top.flatMap((order) => [order, ...(order.legs ?? [])]);
  }

  find(id: string): AlpacaOrder {
    const found = this.all().find((order) => order.id === id);
    if (!found) throw new Error(`No Alpaca order ${id}`);
    return found;
  }

  private create(request: AlpacaOrderRequest): AlpacaOrder {
    const order = this.order(request, request.client_order_id, request.side, request.type, { limit: request.limit_price, stop: request.stop_price });
    order.order_class = request.order_class ?? '';
    const exit = opposite(request.side);
    const stopType = request.stop_loss?.limit_price ? 'stop_limit' : 'stop';
    const stopPrices = { limit: request.stop_loss?.limit_price, stop: request.stop_loss?.stop_price };
    const legs: AlpacaOrder[] = [];
    if (request.order_class === 'oco') {
      // Alpaca's OCO: the order is the take-profit limit, its leg the stop-loss.
      order.limit_price = request.take_profit?.limit_price ?? null;
      legs.push(this.order(request, `${request.client_order_id}:sl`, request.side, stopType, stopPrices));
    } else {
      if (request.take_profit) legs.push(this.order(request, `${request.client_order_id}:tp`, exit, 'limit', { limit: request.take_profit.limit_price }, 'held'));
      if (request.stop_loss) legs.push(this.order(request, `${request.client_order_id}:sl`, exit, stopType, stopPrices, 'held'));
    }
    if (legs.length > 0) order.legs = legs;
    this.top.push(order);
    return order;
  }

  private order(
    request: AlpacaOrderRequest,
    clientOrderId: string,
    side: 'buy' | 'sell',
    type: string,
    prices: { limit?: string | undefined; stop?: string | undefined },
    status: AlpacaOrder['status'] = 'new',
  ): AlpacaOrder {
    this.seq += 1;
    return {
      id: `alp-${this.seq}`,
      client_order_id: clientOrderId,
      created_at: this.stamp(),
      updated_at: this.stamp(),
      symbol: request.symbol,
      qty: request.qty ?? null,
      notional: request.notional ?? null,
      filled_qty: '0',
      filled_avg_price: null,
      type,
      side,
      time_in_force: request.time_in_force,
      limit_price: prices.limit ?? null,
      stop_price: prices.stop ?? null,
      status,
    };
  }
}
