import type { ReactElement } from 'react';
import { TIMEFRAMES, Timeframe } from '@shared/dto/market-data';
import type { ImportDraft } from './import-flow';
import { ImportErrors } from './ImportErrors';
import { ImportSampleTable, ROLES } from './ImportSampleTable';

const FORMAT_LABELS: Record<ImportDraft['preview']['format'], string> = {
  generic: 'Generic CSV',
  yahoo: 'Yahoo Finance',
  stooq: 'Stooq',
  'per-symbol': 'One file per symbol',
};

type Edit = (change: { symbol?: string; timeframe?: Timeframe }) => void;

interface ImportPreviewViewProps {
  draft: ImportDraft;
  disabled: boolean;
  onEdit: Edit;
}

/** What the engine detected (format, columns, symbol, timeframe), the first rows and any bad ones. */
export function ImportPreviewView({ draft, disabled, onEdit }: ImportPreviewViewProps): ReactElement {
  const { preview } = draft;
  return (
    <div className="import-preview-view">
      <dl className="import-facts">
        <dt>File</dt>
        <dd className="import-file-name">{preview.fileName}</dd>
        <dt>Format</dt>
        <dd data-testid="import-format">{FORMAT_LABELS[preview.format]}</dd>
        <dt>Columns</dt>
        <dd className="import-mapping">
          {ROLES.filter((role) => preview.mapping[role] !== null).map((role) => (
            <span key={role} className="import-mapping-item">
              {role} ← <b>{preview.header[preview.mapping[role] ?? -1] ?? `#${preview.mapping[role]}`}</b>
            </span>
          ))}
        </dd>
        {preview.notes.length > 0 ? (
          <>
            <dt>Reading</dt>
            <dd data-testid="import-notes">{preview.notes.join(' ')}</dd>
          </>
        ) : null}
      </dl>
      <ImportFields draft={draft} disabled={disabled} onEdit={onEdit} />
      <ImportSampleTable preview={preview} />
      {preview.errors.length > 0 ? (
        <ImportErrors errors={preview.errors} />
      ) : (
        <p className="dialog-note">No problems found while reading the file. Nothing is written until you commit.</p>
      )}
    </div>
  );
}

/** The symbol and timeframe to import as: detected values, editable. */
function ImportFields({ draft, disabled, onEdit }: ImportPreviewViewProps): ReactElement {
  return (
    <div className="import-fields">
      <label htmlFor="import-symbol">Symbol</label>
      <input
        id="import-symbol"
        className="input import-symbol"
        data-testid="import-symbol"
        value={draft.symbol}
        placeholder={draft.preview.symbol ?? 'e.g. SPY'}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onEdit({ symbol: event.target.value.toUpperCase() })}
      />
      <label htmlFor="import-timeframe">Timeframe</label>
      <select
        id="import-timeframe"
        data-testid="import-timeframe"
        value={draft.timeframe}
        disabled={disabled}
        onChange={(event) => {
          const timeframe = Timeframe.safeParse(event.target.value);
          if (timeframe.success) onEdit({ timeframe: timeframe.data });
        }}
      >
        {TIMEFRAMES.map((timeframe) => (
          <option key={timeframe} value={timeframe}>
            {timeframe}
          </option>
        ))}
      </select>
    </div>
  );
}
