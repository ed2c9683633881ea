import type { ReactElement } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { confirmQuestion, type TradingCommand } from './trading-command-text';

interface HotkeyConfirmProps {
  command: TradingCommand;
  symbol: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a hotkey cancels or flattens; Cancel has the focus, so a stray Enter does nothing harmful. */
export function HotkeyConfirm({ command, symbol, onConfirm, onCancel }: HotkeyConfirmProps): ReactElement {
  const { ref, onCancel: onDialogCancel } = useModalDialog(onCancel);
  const question = confirmQuestion(command, symbol);
  return (
    <dialog ref={ref} className="dialog" data-testid="hotkey-confirm" data-command={command} aria-labelledby="hotkey-confirm-title" onCancel={onDialogCancel}>
      <h2 id="hotkey-confirm-title" className="dialog-title">
        {question.title}
      </h2>
      <div className="dialog-body">
        <p className="dialog-note">{question.text}</p>
        <div className="dialog-actions">
          <span className="dialog-status" />
          <button type="button" className="button" data-testid="hotkey-confirm-cancel" onClick={onCancel}>
            Keep
          </button>
          <button type="button" className="button hotkey-danger" data-testid="hotkey-confirm-ok" onClick={onConfirm}>
            {question.action}
          </button>
        </div>
      </div>
    </dialog>
  );
}
