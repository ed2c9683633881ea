import type { ReactElement } from 'react';
import { useServices } from '../../app/app-context';
import type { WorkspaceView } from '../../store/backtest/backtest-store';
import { useBacktest } from './use-backtest';
import './view-toggle.css';

const VIEWS: { id: WorkspaceView; label: string }[] = [
  { id: 'trade', label: 'Trade' },
  { id: 'backtest', label: 'Backtest' },
];

/** The header's switch between the trading layout and the backtester, with the chart's backtest marker chip. */
export function ViewToggle(): ReactElement {
  const { stores } = useServices();
  const view = useBacktest((s) => s.view);
  const overlay = useBacktest((s) => s.overlay);

  return (
    <div className="view-toggle-group">
      <div className="view-toggle" role="group" aria-label="Workspace view">
        {VIEWS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className="view-toggle-button"
            data-testid={`view-toggle-${entry.id}`}
            aria-pressed={view === entry.id}
            onClick={() => stores.backtest.getState().setView(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {overlay && (
        <span className="backtest-chip" data-testid="backtest-overlay-chip" title="A backtest's fills are drawn on the chart">
          Backtest fills on {overlay.symbol}
          <button type="button" className="backtest-chip-clear" aria-label="Remove the backtest's fills from the chart" onClick={() => stores.backtest.getState().clearOverlay()}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
