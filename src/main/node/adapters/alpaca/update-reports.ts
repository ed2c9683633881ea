import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { ExecutionReport } from '../../../core/trading/model/execution-report';
import { isOpen, type Order } from '../../../core/trading/model/order';
import { alpacaDecimal, alpacaDecimalOrNull } from './parse-values';
import type { TradeUpdate } from './wire';

const ZERO_MONEY = new Decimal(0) as Money;

export interface UpdateSubject {
  /** Our order the update is about, as the order manager's book has it now. */
  order: Order;
  /** What we have reported filled on it so far (at least the book's filled quantity). */
  reportedFilled: Decimal;
  /** For `replaced`: our id of the order that replaced it; null when it is not ours. */
  replacementId: string | null;
  time: number;
}

export interface UpdateTranslation {
  reports: ExecutionReport[];
  /** The cumulative filled quantity now reported, when a fill was. */
  filledTo: Decimal | null;
  /** Something the reports cannot say (a fill bust, a replacement we did not place). */
  note: string | null;
}

/** Alpaca acknowledges in several words; any of them means the order exists there. */
const ACKNOWLEDGING: ReadonlySet<string> = new Set(['new', 'accepted', 'pending_new', 'held', 'calculated', 'done_for_day', 'pending_cancel', 'pending_replace']);

/**
 * The execution reports one trade update means for one of our orders, given what the books
 * already hold: an order still pending is accepted first; a fill at or below the cumulative
 * quantity already reported (reconciliation booked it) is skipped; an ending is reported
 * only while the order is open. Commission is zero: Alpaca charges none on equities.
 */
export function reportsForUpdate(update: TradeUpdate, subject: UpdateSubject): UpdateTranslation {
  const { order, time } = subject;
  const out: UpdateTranslation = { reports: [], filledTo: null, note: null };
  const accept = () => {
    if (order.status === 'pending_new') out.reports.push({ kind: 'accepted', orderId: order.id, time });
  };
  const end = (report: ExecutionReport) => {
    if (!isOpen(order)) return;
    if (report.kind !== 'rejected' && report.kind !== 'canceled') accept();
    out.reports.push(report);
  };
  const event = update.event;
  if (ACKNOWLEDGING.has(event)) accept();
  else if (event === 'fill' || event === 'partial_fill') fillReports(update, subject, accept, out);
  else if (event === 'canceled') end({ kind: 'canceled', orderId: order.id, time, reason: 'Canceled at Alpaca' });
  else if (event === 'expired') end({ kind: 'expired', orderId: order.id, time });
  else if (event === 'rejected') end(rejection(order, time));
  else if (event === 'replaced') {
    if (subject.replacementId === null) {
      end({ kind: 'canceled', orderId: order.id, time, reason: 'Replaced at Alpaca by an order placed elsewhere' });
      out.note = `Order ${order.id} was replaced at Alpaca by an order this app did not place`;
    } else end({ kind: 'replaced', orderId: order.id, time, newOrderId: subject.replacementId });
  } else if (event === 'trade_bust' || event === 'trade_correct') {
    out.note = `Alpaca sent ${event} for order ${order.id}; booked fills are not changed automatically`;
  }
  return out;
}

/** Rejected before it was accepted here; one already working can only end as canceled. */
export function rejection(order: Order, time: number): ExecutionReport {
  return order.status === 'pending_new'
    ? { kind: 'rejected', orderId: order.id, time, reason: 'Rejected by Alpaca' }
    : { kind: 'canceled', orderId: order.id, time, reason: 'Rejected by Alpaca after it was accepted' };
}

function fillReports(update: TradeUpdate, subject: UpdateSubject, accept: () => void, out: UpdateTranslation): void {
  const { order, time } = subject;
  const cumulative = alpacaDecimal(update.order.filled_qty, 'filled_qty');
  const fresh = cumulative.minus(subject.reportedFilled);
  if (fresh.lessThanOrEqualTo(0)) return; // booked already (by reconciliation, or twice sent)
  const sent = alpacaDecimalOrNull(update.qty, 'qty');
  const fillPrice = alpacaDecimalOrNull(update.price, 'price') ?? alpacaDecimalOrNull(update.order.filled_avg_price, 'filled_avg_price');
  if (fillPrice === null) {
    out.note = `A ${update.event} for order ${order.id} came without a price; reconciliation will book it`;
    return;
  }
  if (!isOpen(order)) {
    out.note = `Alpaca filled ${fresh.toFixed()} of order ${order.id}, which is ${order.status} here`;
    return;
  }
  accept();
  // Part of this execution may have been booked by a reconciliation: book only the rest.
  const quantity = sent === null ? fresh : Decimal.min(sent, fresh);
  out.reports.push({
    kind: 'fill',
    orderId: order.id,
    time,
    fillId: update.execution_id ?? `alpaca:${update.order.id}:${cumulative.toFixed()}`,
    quantity: quantity as Quantity,
    price: fillPrice as Price,
    commission: ZERO_MONEY,
  });
  out.filledTo = cumulative;
}
