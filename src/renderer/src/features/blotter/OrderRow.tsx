import { memo, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ClockZone } from '@shared/dto/settings';
import type { OrderDto } from '@shared/dto/trading';
import type { ParamsIn } from '@shared/contract/rpc';
import type { ActionOutcome } from '../../store/trading/trading-store';
import { orderView } from './order-view';
import { draftOf, replaceRequest, type OrderDraft } from './order-edit';
import { OrderActions } from './OrderActions';

export const ORDER_COLUMNS = 12;

interface OrderRowProps {
  order: OrderDto;
  zone: ClockZone;
  editing: boolean;
  onEdit: (id: string | null) => void;
  onCancel: (id: string) => void;
  onReplace: (params: ParamsIn<'orders.replace'>) => Promise<ActionOutcome>;
}

/** One order; a working one can be canceled or modified in place (quantity, limit, stop). */
export const OrderRow = memo(function OrderRow({ order, zone, editing: editRequested, onEdit, onCancel, onReplace }: OrderRowProps): ReactElement {
  const view = orderView(order, zone);
  // An order that fills or is canceled while being edited leaves edit mode by itself.
  const editing = editRequested && view.working;
  const [draft, setDraft] = useState<OrderDraft>(() => draftOf(order));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = order.id;

  const startEdit = (): void => {
    setDraft(draftOf(order));
    setError(null);
    onEdit(id);
  };
  const save = async (): Promise<void> => {
    const request = replaceRequest(order, draft);
    if (!request.ok) {
      setError(request.error);
      return;
    }
    setBusy(true);
    const outcome = await onReplace(request.params);
    setBusy(false);
    setError(outcome.ok ? null : outcome.error);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') void save();
    if (event.key === 'Escape') onEdit(null);
  };
  const field = (name: keyof OrderDraft, testId: string, shown: string, allowed: boolean): ReactElement =>
    editing && allowed ? (
      <input
        className="order-edit-input"
        data-testid={`${testId}-${id}`}
        aria-label={name}
        value={draft[name]}
        inputMode="decimal"
        disabled={busy}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        onKeyDown={onKeyDown}
      />
    ) : (
      <>{shown}</>
    );

  return (
    <>
      <tr className="order-row" data-testid={`order-row-${order.clientOrderId}`} data-status={order.status} data-order-id={id} data-side={order.side}>
        <td className="cell-text">{view.time}</td>
        <td className="cell-text">{view.symbol}</td>
        <td className="cell-text side" data-side={order.side}>{view.side}</td>
        <td className="cell-text">{view.type}</td>
        <td>{field('quantity', 'order-edit-quantity', view.quantity, view.editable.quantity)}</td>
        <td>{view.filled}</td>
        <td>{field('limitPrice', 'order-edit-limit', view.limit, view.editable.limit)}</td>
        <td>{field('stopPrice', 'order-edit-stop', view.stop, view.editable.stop)}</td>
        <td className="cell-text">{view.timeInForce}</td>
        <td className="cell-text order-status" data-status={order.status}>{view.status}</td>
        <td>{view.averageFill}</td>
        <td className="cell-actions">
          <OrderActions
            id={id}
            working={view.working}
            editing={editing}
            busy={busy}
            onModify={startEdit}
            onCancel={() => onCancel(id)}
            onSend={() => void save()}
            onDiscard={() => onEdit(null)}
          />
        </td>
      </tr>
      {editing && error && (
        <tr className="order-note-row">
          <td colSpan={ORDER_COLUMNS} className="order-note order-note-error" data-testid={`order-edit-error-${id}`} role="alert">
            {error}
          </td>
        </tr>
      )}
      {view.rejection && (
        <tr className="order-note-row">
          <td colSpan={ORDER_COLUMNS} className="order-note order-note-error" data-testid={`order-rejection-${order.clientOrderId}`}>
            {view.rejection}
          </td>
        </tr>
      )}
    </>
  );
});
