import type { ReactElement } from 'react';
import type { RowError } from '@shared/dto/data-import';

interface ImportErrorsProps {
  errors: readonly RowError[];
  /** How many there are in all, when more exist than are listed. */
  total?: number;
}

/** Per-row problems: the file's line number and what is wrong with it. */
export function ImportErrors({ errors, total = errors.length }: ImportErrorsProps): ReactElement | null {
  if (errors.length === 0) return null;
  return (
    <div className="import-errors">
      <p className="import-errors-title">
        {total === 1 ? '1 row has a problem' : `${total.toLocaleString()} rows have problems`}
        {total > errors.length ? ` (first ${errors.length} listed)` : ''}
      </p>
      <ul className="import-errors-list numeric">
        {errors.map((error, i) => (
          <li key={`${error.line}:${i}`} data-testid="import-row-error">
            <span className="import-errors-line">line {error.line}</span> {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
