import type { ReactElement } from 'react';
import type { SweepProgress } from '@shared/dto/backtest';
import { formatDuration } from './metric-format';

const STATE_TEXT: Record<SweepProgress['state'], string> = { running: 'Running', finished: 'Finished', canceled: 'Canceled', failed: 'Failed' };

function etaText(etaMs: number | null): string {
  if (etaMs === null) return '';
  return etaMs < 60_000 ? ` · about ${Math.max(1, Math.round(etaMs / 1000))} s left` : ` · about ${formatDuration(etaMs)} left`;
}

/** done / total with the time left, and Cancel while it runs. */
export function SweepProgressBar({ progress, onCancel }: { progress: SweepProgress; onCancel: () => void }): ReactElement {
  const running = progress.state === 'running';
  return (
    <div className="bt-progress" data-testid="sweep-progress" data-done={progress.done} data-total={progress.total} data-state={progress.state}>
      <progress className="bt-progress-bar" max={Math.max(1, progress.total)} value={progress.done} />
      <span className="bt-progress-text numeric" role="status">
        {STATE_TEXT[progress.state]} · {progress.done.toLocaleString('en-US')} / {progress.total.toLocaleString('en-US')}
        {running ? etaText(progress.etaMs) : ''}
      </span>
      {progress.error && <span className="bt-error">{progress.error}</span>}
      <button type="button" className="button button-small" data-testid="sweep-cancel" disabled={!running} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
