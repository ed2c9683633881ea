import type { ReactElement } from 'react';
import type { OrderPreview, PlaceOrderInput } from '@shared/dto/trading';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { formatMoney, orderSummary } from './ticket-format';
import { RejectionDetails } from './RejectionDetails';

interface OrderConfirmDialogProps {
  order: PlaceOrderInput;
  /** The latest preview, when there is one, so the cost is in front of the user too. */
  preview: OrderPreview | null;
  onSend: () => void;
  onCancel: () => void;
}

/** Asks before sending when the settings say so; Escape and Cancel send nothing. */
export function OrderConfirmDialog({ order, preview, onSend, onCancel }: OrderConfirmDialogProps): ReactElement {
  const { ref, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const [headline, ...details] = orderSummary(order);
  return (
    <dialog ref={ref} className="dialog ticket-confirm" data-testid="order-confirm" data-side={order.side} aria-labelledby="order-confirm-title" onCancel={onDialogCancel}>
      <h2 id="order-confirm-title" className="dialog-title">
        Confirm order
      </h2>
      <div className="dialog-body">
        <p className="ticket-confirm-headline numeric">{headline}</p>
        {details.map((line) => (
          <p key={line} className="ticket-confirm-line">
            {line}
          </p>
        ))}
        {preview && (
          <dl className="ticket-figures numeric">
            <dt>Est. cost</dt>
            <dd>{formatMoney(preview.estimatedCost)}</dd>
            <dt>Buying power after</dt>
            <dd>{formatMoney(preview.buyingPowerAfter)}</dd>
          </dl>
        )}
        {preview?.rejection && (
          <div className="ticket-risk">
            <p className="ticket-risk-title">The risk check is expected to refuse this order</p>
            <RejectionDetails rejection={preview.rejection} />
          </div>
        )}
        <div className="dialog-actions">
          <span className="dialog-status" />
          <button type="button" className="button" data-testid="order-confirm-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button ticket-send" data-side={order.side} data-testid="order-confirm-send" onClick={onSend}>
            Send {order.side === 'buy' ? 'buy' : 'sell'} order
          </button>
        </div>
      </div>
    </dialog>
  );
}
