import type { ReconciliationDifference } from '@shared/dto/broker';
import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { BrokerPosition } from '../../../core/ports/broker';
import type { ExecutionReport } from '../../../core/trading/model/execution-report';
import { isOpen, type Order } from '../../../core/trading/model/order';
import { brokerPositions } from './broker-views';
import type { OrderLinks } from './order-links';
import { isAlpacaWorking } from './order-mapping';
import { alpacaDecimal, alpacaDecimalOrNull, alpacaTime, alpacaTimeOrNull } from './parse-values';
import type { AlpacaTradingApi } from './trading-api';
import { rejection } from './update-reports';
import type { AlpacaFillActivity, AlpacaOrder, AlpacaPosition } from './wire';
import type { OrderLookup } from '../../../core/trading/execution/trading-book';

export interface ReconcileDeps {
  api: Pick<AlpacaTradingApi, 'listOrders' | 'getOrder' | 'orderByClientOrderId' | 'positions'> & Partial<Pick<AlpacaTradingApi, 'fillActivities'>>;
  links: OrderLinks;
  /** The order manager's book, read afresh: every emitted report changes it at once. */
  orders: OrderLookup;
  /** Our positions as the journal has them (signed quantities). */
  bookPositions: () => readonly BrokerPosition[];
  /** Orders being submitted right now: their POST decides, not the reconciliation. */
  inFlight: ReadonlySet<string>;
  /** Orders whose submit ended without knowing whether Alpaca has them. */
  unresolved: Set<string>;
  /** Our id of the order that replaces ours (a replace we sent), if any. */
  replacementOf: (ourId: string) => string | null;
  emit: (report: ExecutionReport) => void;
  now: number;
  /** Recent orders are listed from here on (ISO time). */
  after: string;
}

/** What bringing one order up to date needs (the broker uses it to adopt an order, too). */
export type SyncDeps = Pick<ReconcileDeps, 'links' | 'orders' | 'unresolved' | 'replacementOf' | 'emit' | 'now'> & {
  /** Alpaca's executions by Alpaca order id, when its activities could be read. */
  executions?: ReadonlyMap<string, readonly AlpacaFillActivity[]> | null;
};

/** Reconciliation's fill id: the same missed quantity gets the same id, so it books once. */
export const reconFillId = (alpacaId: string, cumulative: Decimal): string => `recon:${alpacaId}:${cumulative.toFixed()}`;

const AVERAGE_PLACES = 10;
const ZERO = new Decimal(0);

type Differences = ReconciliationDifference[];

/**
 * Compares our working orders with Alpaca's and brings ours up to date through reports:
 * endings, missed fills (one synthesized fill for the difference at the implied price,
 * booked once whatever runs again), adoptions. Orders we never placed and positions that
 * disagree are listed, not changed.
 */
export async function reconcileWithAlpaca(base: ReconcileDeps): Promise<Differences> {
  const differences: Differences = [];
  const fetched = await fetchOrders(base);
  const deps: ReconcileDeps & SyncDeps = { ...base, executions: await fetchExecutions(base) };
  const legIds = new Set([...fetched.values()].flatMap((order) => (order.legs ?? []).map((leg) => leg.id)));
  for (const alpaca of fetched.values()) if (!legIds.has(alpaca.id)) deps.links.learn(alpaca, deps.orders);
  for (const snapshot of deps.orders.open().filter((order) => !deps.inFlight.has(order.id))) {
    const order = deps.orders.get(snapshot.id);
    if (!order || !isOpen(order)) continue;
    const alpaca = await alpacaFor(order, fetched, deps);
    if (alpaca) syncOrder(order, alpaca, deps, differences);
    else missing(order, deps, differences);
  }
  checkEnded(fetched, deps, differences);
  differences.push(...positionDifferences(await deps.api.positions(), deps.bookPositions()));
  return differences;
}

/** Alpaca's own executions since `after`, by order; null when they cannot be read (then prices are implied). */
async function fetchExecutions(deps: ReconcileDeps): Promise<Map<string, AlpacaFillActivity[]> | null> {
  if (!deps.api.fillActivities) return null;
  try {
    const byOrder = new Map<string, AlpacaFillActivity[]>();
    for (const activity of await deps.api.fillActivities(deps.after)) {
      const list = byOrder.get(activity.order_id) ?? [];
      list.push(activity);
      byOrder.set(activity.order_id, list);
    }
    return byOrder;
  } catch {
    return null;
  }
}

/** Open orders and everything since `after`, legs flattened out of their parents, by id. */
async function fetchOrders(deps: ReconcileDeps): Promise<Map<string, AlpacaOrder>> {
  const byId = new Map<string, AlpacaOrder>();
  const add = (order: AlpacaOrder): void => {
    byId.set(order.id, order);
    for (const leg of order.legs ?? []) add(leg);
  };
  for (const order of await deps.api.listOrders({ status: 'open' })) add(order);
  for (const order of await deps.api.listOrders({ status: 'all', after: deps.after, limit: 500 })) add(order);
  return byId;
}

/** Alpaca's copy of our order: from the lists, else looked up by id, client id or parent. */
async function alpacaFor(order: Order, fetched: Map<string, AlpacaOrder>, deps: ReconcileDeps): Promise<AlpacaOrder | null> {
  const known = deps.links.alpacaIdOf(order.id);
  if (known !== undefined) return fetched.get(known) ?? (await deps.api.getOrder(known));
  if (order.parentId !== null) {
    const parentAlpaca = deps.links.alpacaIdOf(order.parentId);
    if (parentAlpaca === undefined) return null;
    const parent = fetched.get(parentAlpaca) ?? (await deps.api.getOrder(parentAlpaca));
    if (parent) deps.links.learn(parent, deps.orders);
    const leg = deps.links.alpacaIdOf(order.id);
    return leg === undefined ? null : (parent?.legs?.find((candidate) => candidate.id === leg) ?? null);
  }
  const found = await deps.api.orderByClientOrderId(order.clientOrderId);
  if (found) deps.links.learn(found, deps.orders);
  return found;
}

function missing(order: Order, deps: ReconcileDeps, differences: Differences): void {
  const note = (message: string): void => void differences.push({ kind: 'order_status', symbol: order.symbol, orderId: order.id, message });
  if (order.status === 'pending_new') {
    // Pending orders are being (re)sent by the order manager; only a submit that ended unsure is ours to settle.
    if (!deps.unresolved.delete(order.id)) return;
    deps.emit({ kind: 'rejected', orderId: order.id, time: deps.now, reason: 'Alpaca has no order with this client order id; it was not placed' });
    return note(`Order ${order.id} never reached Alpaca; marked rejected`);
  }
  note(`Order ${order.id} is ${order.status} here but Alpaca has no such order`);
}

/** Reports that bring our order to where Alpaca has it: accepted, missed fills, its ending. */
export function syncOrder(order: Order, alpaca: AlpacaOrder, deps: SyncDeps, differences: Differences): void {
  const time = alpacaTimeOrNull(alpaca.updated_at)?.ms ?? deps.now;
  const note = (kind: ReconciliationDifference['kind'], message: string): void => void differences.push({ kind, symbol: order.symbol, orderId: order.id, message });
  if (deps.unresolved.delete(order.id)) note('order_status', `Order ${order.id} was found at Alpaca (${alpaca.status}) and adopted`);
  if (alpaca.status === 'rejected') {
    deps.emit(rejection(order, time));
    return note('order_status', `Order ${order.id} was rejected at Alpaca`);
  }
  if (order.status === 'pending_new') deps.emit({ kind: 'accepted', orderId: order.id, time });
  const fills = missedFills(order, alpaca, deps.now, deps.executions?.get(alpaca.id) ?? []);
  for (const fill of fills) {
    deps.emit(fill);
    note('missed_fill', `Booked ${fill.quantity.toFixed()} filled at Alpaca while the stream was away, at ${fill.price.toFixed()}`);
  }
  if (fills.length > 0) deps.links.markFilled(order.id, alpacaDecimal(alpaca.filled_qty, 'filled_qty'));
  const ending = endingOf(order, alpaca, deps, time);
  if (!ending) return;
  deps.emit(ending.report);
  note('order_status', ending.message);
}

/** Links an order Alpaca has (and its legs) to ours and syncs them; null when it is not ours. */
export function adoptOrder(alpaca: AlpacaOrder, deps: SyncDeps): Differences | null {
  const order = deps.links.learn(alpaca, deps.orders);
  if (!order) return null;
  const differences: Differences = [];
  syncOrder(order, alpaca, deps, differences);
  for (const leg of alpaca.legs ?? []) {
    const ourId = deps.links.ourIdOf(leg.id);
    const ours = ourId === undefined ? undefined : deps.orders.get(ourId);
    if (ours && isOpen(ours)) syncOrder(ours, leg, deps, differences);
  }
  return differences;
}

/**
 * What Alpaca filled beyond our books: its own executions past our filled quantity (exact
 * prices), then, for any rest its activities do not show yet, one fill at the implied price.
 */
export function missedFills(order: Order, alpaca: AlpacaOrder, now: number, executions: readonly AlpacaFillActivity[]): Extract<ExecutionReport, { kind: 'fill' }>[] {
  const fills: Extract<ExecutionReport, { kind: 'fill' }>[] = [];
  let booked = order.filledQuantity as Decimal;
  let value = (order.averageFillPrice ?? ZERO).times(order.filledQuantity);
  const sorted = [...executions].sort((a, b) => alpacaDecimal(a.cum_qty, 'cum_qty').comparedTo(alpacaDecimal(b.cum_qty, 'cum_qty')));
  for (const execution of sorted) {
    const cumulative = alpacaDecimal(execution.cum_qty, 'cum_qty');
    const quantity = alpacaDecimal(execution.qty, 'qty');
    // Only whole executions past what we hold: their start must be where our books end.
    if (cumulative.lessThanOrEqualTo(booked) || !cumulative.minus(quantity).equals(booked)) continue;
    const price = alpacaDecimal(execution.price, 'price');
    fills.push({
      kind: 'fill',
      orderId: order.id,
      time: alpacaTime(execution.transaction_time, 'transaction_time').ms,
      fillId: reconFillId(alpaca.id, cumulative),
      quantity: quantity as Quantity,
      price: price as Price,
      commission: ZERO as Money,
    });
    booked = cumulative;
    value = value.plus(quantity.times(price));
  }
  const rest = missedFill(order, alpaca, now, { filled: booked, value });
  return rest ? [...fills, rest] : fills;
}

/** One fill for what Alpaca filled beyond our books, priced so the averages agree. */
export function missedFill(
  order: Order,
  alpaca: AlpacaOrder,
  now: number,
  /** What our books hold of it (after executions already booked from the activities). */
  ours: { filled: Decimal; value: Decimal } = { filled: order.filledQuantity, value: (order.averageFillPrice ?? ZERO).times(order.filledQuantity) },
): Extract<ExecutionReport, { kind: 'fill' }> | null {
  const alpacaFilled = alpacaDecimal(alpaca.filled_qty, 'filled_qty');
  const diff = alpacaFilled.minus(ours.filled);
  const alpacaAverage = alpacaDecimalOrNull(alpaca.filled_avg_price, 'filled_avg_price');
  if (diff.lessThanOrEqualTo(0) || alpacaAverage === null) return null;
  const ourValue = ours.value;
  const implied = alpacaAverage.times(alpacaFilled).minus(ourValue).dividedBy(diff).toDecimalPlaces(AVERAGE_PLACES, Decimal.ROUND_HALF_EVEN);
  return {
    kind: 'fill',
    orderId: order.id,
    time: alpacaTimeOrNull(alpaca.filled_at)?.ms ?? alpacaTimeOrNull(alpaca.updated_at)?.ms ?? now,
    fillId: reconFillId(alpaca.id, alpacaFilled),
    quantity: diff as Quantity,
    price: implied as Price,
    commission: ZERO as Money,
  };
}

function endingOf(order: Order, alpaca: AlpacaOrder, deps: SyncDeps, time: number): { report: ExecutionReport; message: string } | null {
  const current = deps.orders.get(order.id);
  if (!current || !isOpen(current)) return null;
  const orderId = order.id;
  switch (alpaca.status) {
    case 'canceled':
      return { report: { kind: 'canceled', orderId, time, reason: 'Canceled at Alpaca' }, message: `Order ${orderId} was canceled at Alpaca` };
    case 'expired':
      return { report: { kind: 'expired', orderId, time }, message: `Order ${orderId} expired at Alpaca` };
    case 'replaced': {
      const byAlpaca = alpaca.replaced_by ? deps.links.ourIdOf(alpaca.replaced_by) : undefined;
      const newOrderId = deps.replacementOf(orderId) ?? byAlpaca ?? null;
      if (newOrderId !== null) return { report: { kind: 'replaced', orderId, time, newOrderId }, message: `Order ${orderId} was replaced by ${newOrderId} at Alpaca` };
      const reason = 'Replaced at Alpaca by an order placed elsewhere';
      return { report: { kind: 'canceled', orderId, time, reason }, message: `Order ${orderId}: ${reason}` };
    }
    default:
      return null;
  }
}

/** Orders of ours that ended here while Alpaca still works them, and orders we never placed. */
function checkEnded(fetched: ReadonlyMap<string, AlpacaOrder>, deps: ReconcileDeps, differences: Differences): void {
  for (const alpaca of fetched.values()) {
    const ourId = deps.links.ourIdOf(alpaca.id);
    const order = ourId === undefined ? undefined : deps.orders.get(ourId);
    const described = `${alpaca.side} ${alpaca.qty ?? `$${alpaca.notional ?? '?'}`} ${alpaca.symbol} ${alpaca.type} (${alpaca.status}), Alpaca id ${alpaca.id}`;
    if (!order) {
      differences.push({ kind: 'unknown_order', symbol: alpaca.symbol, orderId: null, message: `Alpaca has an order this app did not place: ${described}` });
    } else if (!isOpen(order) && isAlpacaWorking(alpaca.status)) {
      differences.push({ kind: 'order_status', symbol: order.symbol, orderId: order.id, message: `Order ${order.id} is ${order.status} here but still working at Alpaca: ${described}` });
    }
  }
}

/** Positions that disagree, symbol by symbol (reported only: the journal is not changed). */
export function positionDifferences(alpaca: readonly AlpacaPosition[], ours: readonly BrokerPosition[]): Differences {
  const theirs = new Map<string, Decimal>(brokerPositions(alpaca).map((position) => [position.symbol, position.quantity]));
  const mine = new Map<string, Decimal>(ours.map((position) => [position.symbol, position.quantity]));
  const differences: Differences = [];
  for (const symbol of [...new Set([...theirs.keys(), ...mine.keys()])].sort()) {
    const there = theirs.get(symbol) ?? ZERO;
    const here = mine.get(symbol) ?? ZERO;
    if (there.equals(here)) continue;
    differences.push({ kind: 'position', symbol, orderId: null, message: `Alpaca holds ${there.toFixed()} ${symbol}; the journal holds ${here.toFixed()}` });
  }
  return differences;
}
