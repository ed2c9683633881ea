import type { ReactElement } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ChartStatus } from './chart-status';

interface ChartStatusOverlayProps {
  status: StoreApi<ChartStatus>;
  onRetry: () => void;
}

/** Loading, empty and error notes over the chart; nothing while bars are shown. */
export function ChartStatusOverlay({ status, onRetry }: ChartStatusOverlayProps): ReactElement | null {
  const state = useStore(status, (s) => s.state);
  const message = useStore(status, (s) => s.message);
  const symbol = useStore(status, (s) => s.symbol);
  const timeframe = useStore(status, (s) => s.timeframe);
  const indicatorError = useStore(status, (s) => s.indicatorError);

  if (state === 'ready') {
    const note = indicatorError ? `Indicators: ${indicatorError}` : message;
    return note ? (
      <p className="chart-note" role="status" data-testid="chart-note">
        {note}
      </p>
    ) : null;
  }
  return (
    <div className="chart-overlay" role="status" data-testid="chart-status">
      {state === 'loading' && <p className="chart-overlay-text">Loading {symbol} …</p>}
      {state === 'empty' && (
        <p className="chart-overlay-text">
          No {timeframe} bars for {symbol} yet. Import a CSV or pick another timeframe.
        </p>
      )}
      {state === 'error' && (
        <>
          <p className="chart-overlay-text">Could not load {symbol}: {message ?? 'unknown error'}</p>
          <button type="button" className="button button-small" data-testid="chart-retry" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
