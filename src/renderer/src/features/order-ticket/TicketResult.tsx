import type { ReactElement } from 'react';
import { formatAmount, STATUS_LABELS } from './ticket-format';
import type { TicketOutcome } from './ticket-outcome';
import { RejectionDetails } from './RejectionDetails';

/** The answer to the last send: the order's status, the rule that refused it, or why nothing came back. */
export function TicketResult({ outcome }: { outcome: TicketOutcome }): ReactElement {
  if (outcome.kind === 'error') {
    return (
      <div className="ticket-result" data-testid="ticket-result" data-kind="error" role="alert">
        <p className="ticket-result-title">Not sent</p>
        <p className="ticket-rule-message">{outcome.message}</p>
        <p className="ticket-hint">Your order is still in the ticket.</p>
      </div>
    );
  }
  const { order } = outcome;
  const what = `${order.side.toUpperCase()} ${formatAmount(order.quantity)} ${order.symbol}`;
  if (outcome.kind === 'rejected') {
    return (
      <div className="ticket-result" data-testid="ticket-result" data-kind="rejected" data-status={order.status} data-rule={outcome.rejection.rule} role="alert">
        <p className="ticket-result-title">Rejected · {what}</p>
        <RejectionDetails rejection={outcome.rejection} />
      </div>
    );
  }
  const filled = order.filledQuantity !== '0' && order.averageFillPrice !== null;
  return (
    <div className="ticket-result" data-testid="ticket-result" data-kind="accepted" data-status={order.status} role="status">
      <p className="ticket-result-title">
        {STATUS_LABELS[order.status]} · {what}
      </p>
      {filled && (
        <p className="numeric">
          Filled {formatAmount(order.filledQuantity)} @ {formatAmount(order.averageFillPrice)}
        </p>
      )}
      <p className="ticket-hint numeric">{order.clientOrderId}</p>
    </div>
  );
}
