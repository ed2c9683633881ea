import type { ReactElement } from 'react';
import { percent } from './import-flow';

interface ImportProgressBarProps {
  label: string;
  done: number;
  total: number;
}

export function ImportProgressBar({ label, done, total }: ImportProgressBarProps): ReactElement {
  const value = percent(done, total);
  return (
    <div className="import-progress" data-testid="import-progress" data-percent={value}>
      <span className="import-progress-label">
        {label} {value}%
      </span>
      <progress max={100} value={value} aria-label={label} />
    </div>
  );
}
