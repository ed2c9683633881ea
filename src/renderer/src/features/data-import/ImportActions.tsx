import type { ReactElement } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import { commitProblem, type ImportDraft, type ImportState } from './import-flow';

interface ImportActionsProps {
  state: ImportState;
  working: boolean;
  onClose: () => void;
  onCommit: (draft: ImportDraft) => void;
  onBack: () => void;
  onShow: (symbol: string, timeframe: Timeframe) => void;
}

/** The dialog's bottom row: a status line and the buttons the current step allows. */
export function ImportActions({ state, working, onClose, onCommit, onBack, onShow }: ImportActionsProps): ReactElement {
  const error = state.step === 'choose' || state.step === 'preview' ? state.error : null;
  const problem = state.step === 'preview' ? commitProblem(state.draft) : null;
  return (
    <div className="dialog-actions">
      <span className="dialog-status" data-testid="import-status" data-kind={error ? 'error' : 'idle'} role="status" aria-live="polite">
        {error ?? problem ?? ''}
      </span>
      <button type="button" className="button" data-testid="import-close" disabled={working} onClick={onClose}>
        {state.step === 'done' ? 'Close' : 'Cancel'}
      </button>
      {state.step === 'preview' && (
        <button
          type="button"
          className="button button-primary"
          data-testid="import-commit"
          disabled={problem !== null}
          title={problem ?? 'Write every row, or none if any is bad'}
          onClick={() => onCommit(state.draft)}
        >
          Commit
        </button>
      )}
      {state.step === 'done' && !state.result.committed && (
        <button type="button" className="button" data-testid="import-back" onClick={onBack}>
          Back
        </button>
      )}
      {state.step === 'done' && state.result.committed && (
        <button
          type="button"
          className="button button-primary"
          data-testid="import-show"
          onClick={() => onShow(state.result.symbols[0] ?? state.draft.symbol, state.result.timeframe)}
        >
          Show on chart
        </button>
      )}
    </div>
  );
}
