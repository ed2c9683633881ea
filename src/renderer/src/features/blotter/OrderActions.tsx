import type { ReactElement } from 'react';

interface OrderActionsProps {
  id: string;
  working: boolean;
  editing: boolean;
  busy: boolean;
  onModify: () => void;
  onCancel: () => void;
  onSend: () => void;
  onDiscard: () => void;
}

/** Modify and Cancel on a working order; Send and Discard while it is being edited. */
export function OrderActions({ id, working, editing, busy, onModify, onCancel, onSend, onDiscard }: OrderActionsProps): ReactElement | null {
  if (editing) {
    return (
      <>
        <button type="button" className="button button-primary row-button" data-testid={`order-edit-save-${id}`} disabled={busy} onClick={onSend}>
          Send
        </button>
        <button type="button" className="button button-ghost row-button" data-testid={`order-edit-discard-${id}`} disabled={busy} onClick={onDiscard}>
          Discard
        </button>
      </>
    );
  }
  if (!working) return null;
  return (
    <>
      <button type="button" className="button row-button" data-testid={`order-modify-${id}`} onClick={onModify}>
        Modify
      </button>
      <button type="button" className="button row-button" data-testid={`order-cancel-${id}`} onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
