import type { ReactElement } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';
import type { Timeframe } from '@shared/dto/market-data';
import type { ImportState } from './import-flow';
import { useImportFlow } from './use-import-flow';
import { ImportActions } from './ImportActions';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportResultView } from './ImportResultView';
import './data-import.css';

interface ImportDialogProps {
  onClose: () => void;
  /** Shows the imported symbol and timeframe on the chart. */
  onShow: (symbol: string, timeframe: Timeframe) => void;
}

const busy = (state: ImportState): boolean => state.step === 'uploading' || state.step === 'previewing' || state.step === 'committing';

/**
 * CSV import: pick a file, it is uploaded in chunks, the engine previews what it detected, the
 * user fixes the symbol or timeframe, and Commit writes every row or none.
 */
export function ImportDialog({ onClose, onShow }: ImportDialogProps): ReactElement {
  const { state, chooseFile, edit, commit, back } = useImportFlow();
  const working = busy(state);
  // Escape does nothing while an upload or commit runs.
  const { ref, onCancel } = useModalDialog(() => {
    if (!working) onClose();
  });

  return (
    <dialog ref={ref} className="dialog import-dialog" data-testid="import-dialog" aria-labelledby="import-title" onCancel={onCancel}>
      <h2 id="import-title" className="dialog-title">
        Import bars from CSV
      </h2>
      <div className="dialog-body">
        <label className="import-file">
          <span className="form-label">CSV file</span>
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            data-testid="import-file"
            disabled={working}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) chooseFile(file);
              event.target.value = '';
            }}
          />
        </label>
        <StepBody state={state} onEdit={edit} />
        <ImportActions state={state} working={working} onClose={onClose} onCommit={commit} onBack={back} onShow={onShow} />
      </div>
    </dialog>
  );
}

function StepBody({ state, onEdit }: { state: ImportState; onEdit: (change: { symbol?: string; timeframe?: Timeframe }) => void }): ReactElement {
  switch (state.step) {
    case 'choose':
      return (
        <p className="dialog-note">
          Daily or intraday bars: Yahoo Finance and Stooq exports, one file per symbol, or any CSV with a date/time, open, high, low and close column
          (volume optional). The columns are detected and shown before anything is written.
        </p>
      );
    case 'uploading':
      return <ImportProgressBar label={`Uploading ${state.fileName}`} done={state.sent} total={state.total} />;
    case 'previewing':
      return <p className="dialog-note">Reading {state.fileName} …</p>;
    case 'preview':
      return <ImportPreviewView draft={state.draft} disabled={false} onEdit={onEdit} />;
    case 'committing':
      return (
        <>
          <ImportPreviewView draft={state.draft} disabled onEdit={onEdit} />
          <ImportProgressBar
            label={`Importing${state.progress ? ` — ${state.progress.rows.toLocaleString()} rows` : ''}`}
            done={state.progress?.bytes ?? 0}
            total={state.progress?.totalBytes ?? 0}
          />
        </>
      );
    case 'done':
      return <ImportResultView result={state.result} />;
  }
}
