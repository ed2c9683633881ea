import { useState, type ReactElement } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import { ReplayControls } from './ReplayControls';
import { ReplayForm } from './ReplayForm';
import { useReplay } from './use-replay';
import './replay.css';

interface ReplayBarProps {
  /** The chart's symbol and timeframe: what a new replay plays by default. */
  symbol: string;
  timeframe: Timeframe;
}

/** "Replay" in the chart toolbar: a form to start one, then its controls and clock while it runs. */
export function ReplayBar({ symbol, timeframe }: ReplayBarProps): ReactElement {
  const replay = useReplay();
  const [formOpen, setFormOpen] = useState(false);
  const active = replay.status.state !== 'idle';

  return (
    <div className="replay-bar" data-testid="replay-bar" data-state={replay.status.state}>
      {active ? (
        <ReplayControls replay={replay} />
      ) : (
        <div className="menu-anchor">
          <button
            type="button"
            className="button button-small"
            data-testid="replay-open"
            aria-expanded={formOpen}
            title="Play stored bars as if live"
            onClick={() => setFormOpen((open) => !open)}
          >
            Replay
          </button>
          {formOpen && (
            <ReplayForm
              symbol={symbol}
              timeframe={timeframe}
              busy={replay.busy}
              onClose={() => setFormOpen(false)}
              onStart={async (request) => {
                await replay.start(request);
                setFormOpen(false);
              }}
            />
          )}
        </div>
      )}
      {replay.error && (
        <span className="replay-error" role="alert" data-testid="replay-error">
          {replay.error}
        </span>
      )}
    </div>
  );
}
