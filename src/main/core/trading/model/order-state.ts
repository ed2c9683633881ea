import type { OrderStatus, OrderType } from '@shared/dto/trading';
import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { ExecutionReport, ExecutionReportKind } from './execution-report';
import type { Fill } from './fill';
import { remainingQuantity, type Order } from './order';

/**
 * The order lifecycle. Brokers only report; every report passes here before it changes an
 * order, so a late, duplicated or impossible report is refused as data instead of corrupting
 * the books. A status may move to itself only where a report keeps it (trigger, trail, fill).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_new: ['accepted', 'rejected', 'canceled'],
  accepted: ['accepted', 'partially_filled', 'filled', 'canceled', 'expired', 'replaced'],
  partially_filled: ['partially_filled', 'filled', 'canceled', 'expired', 'replaced'],
  filled: [],
  canceled: [],
  rejected: [],
  expired: [],
  replaced: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function isTerminal(status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[status].length === 0;
}

export type ApplyResult = { ok: true; order: Order; fill: Fill | null } | { ok: false; reason: string };

/** Reports that may leave the status as it is; any other report must move it (a second `accepted` is refused). */
const KEEPING_REPORTS: ReadonlySet<ExecutionReportKind> = new Set(['triggered', 'trail_moved', 'fill']);
const STOP_TYPES: ReadonlySet<OrderType> = new Set(['stop', 'stop_limit', 'trailing_stop']);
/** The average fill price keeps ten places: exact for any tick, and no 40-digit tails. */
const AVERAGE_PLACES = 10;
const MAX_REJECTION_MESSAGE = 500;

const refuse = (reason: string): ApplyResult => ({ ok: false, reason });

/** Applies one broker report; returns a new order (the input is never mutated) or why not. */
export function applyReport(order: Order, report: ExecutionReport): ApplyResult {
  if (report.orderId !== order.id) return refuse(`Report for order ${report.orderId} applied to order ${order.id}`);
  const next = statusAfter(order, report);
  const repeated = next === order.status && !KEEPING_REPORTS.has(report.kind);
  if (repeated || !canTransition(order.status, next)) return refuse(`A ${report.kind} report is not allowed on an order that is ${order.status}`);
  const invalid = report.kind === 'fill' ? invalidFill(order, report) : null;
  if (invalid) return refuse(invalid);
  const base: Order = { ...order, status: next, updatedAt: report.time };
  switch (report.kind) {
    case 'accepted':
    case 'expired':
    case 'canceled':
      return { ok: true, order: base, fill: null };
    case 'rejected':
      return {
        ok: true,
        order: { ...base, rejection: { rule: 'broker', message: report.reason.slice(0, MAX_REJECTION_MESSAGE), limit: null, actual: null } },
        fill: null,
      };
    case 'replaced':
      return { ok: true, order: { ...base, replacedBy: report.newOrderId }, fill: null };
    case 'triggered':
      if (!STOP_TYPES.has(order.type)) return refuse(`A ${order.type} order has no stop to trigger`);
      return { ok: true, order: { ...base, triggered: true }, fill: null };
    case 'trail_moved':
      if (order.type !== 'trailing_stop') return refuse(`A ${order.type} order has no trail to move`);
      return { ok: true, order: { ...base, trailReference: report.reference, stopPrice: report.stopPrice }, fill: null };
    case 'fill':
      return applyFill(order, base, report);
  }
}

/** The status a report leads to (a fill's size is checked separately). */
function statusAfter(order: Order, report: ExecutionReport): OrderStatus {
  switch (report.kind) {
    case 'accepted':
    case 'rejected':
    case 'canceled':
    case 'expired':
    case 'replaced':
      return report.kind;
    case 'triggered':
    case 'trail_moved':
      // Keeps the status; pending_new → pending_new is not a transition, so it is refused there.
      return order.status;
    case 'fill':
      return order.filledQuantity.plus(report.quantity).greaterThanOrEqualTo(order.quantity) ? 'filled' : 'partially_filled';
  }
}

type FillReport = Extract<ExecutionReport, { kind: 'fill' }>;

function invalidFill(order: Order, report: FillReport): string | null {
  if (!report.quantity.isFinite() || report.quantity.lessThanOrEqualTo(0)) return `A fill of ${report.quantity.toString()} is not a positive quantity`;
  const remaining = remainingQuantity(order);
  if (report.quantity.greaterThan(remaining)) {
    return `A fill of ${report.quantity.toFixed()} exceeds the ${remaining.toFixed()} remaining on order ${order.id}`;
  }
  if (!report.price.isFinite() || !report.commission.isFinite()) return 'A fill needs a finite price and commission';
  return null;
}

function applyFill(order: Order, base: Order, report: FillReport): ApplyResult {
  const filled = order.filledQuantity.plus(report.quantity);
  const previousValue = order.averageFillPrice === null ? new Decimal(0) : order.averageFillPrice.times(order.filledQuantity);
  const average = previousValue.plus(report.quantity.times(report.price)).dividedBy(filled).toDecimalPlaces(AVERAGE_PLACES, Decimal.ROUND_HALF_EVEN);
  const fill: Fill = {
    id: report.fillId,
    orderId: order.id,
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    quantity: report.quantity,
    price: report.price,
    commission: report.commission,
    time: report.time,
  };
  return {
    ok: true,
    order: {
      ...base,
      filledQuantity: filled as Quantity,
      averageFillPrice: average as Price,
      commission: order.commission.plus(report.commission) as Money,
    },
    fill,
  };
}

/** Every report kind, for table-driven checks. */
export const REPORT_KINDS: readonly ExecutionReportKind[] = [
  'accepted',
  'rejected',
  'triggered',
  'trail_moved',
  'fill',
  'canceled',
  'expired',
  'replaced',
];
