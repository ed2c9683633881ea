import type { ReactElement } from 'react';
import type { ImportResult } from '@shared/dto/data-import';
import { ImportErrors } from './ImportErrors';

/** How the commit went: rows read and bars written, or why nothing was written. */
export function ImportResultView({ result }: { result: ImportResult }): ReactElement {
  const symbols = result.symbols.join(', ') || '—';
  return (
    <div className="import-result" data-testid="import-result" data-committed={result.committed}>
      {result.committed ? (
        <p className="import-result-text" data-kind="done">
          Imported {symbols} ({result.timeframe}): {result.rows.toLocaleString()} rows read,{' '}
          <span data-testid="import-written">{result.written.toLocaleString()}</span> bars written
          {result.written === 0 ? ' — everything was already stored.' : '.'}
        </p>
      ) : (
        <p className="import-result-text" data-kind="error">
          Nothing was written: {result.errorCount.toLocaleString()} of {result.rows.toLocaleString()} rows have errors. An import is all or nothing;
          fix the file, or go back and change the symbol or timeframe.
        </p>
      )}
      <ImportErrors errors={result.errors} total={result.errorCount} />
    </div>
  );
}
