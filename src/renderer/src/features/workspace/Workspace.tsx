import type { ReactElement } from 'react';
import { useSettings } from '../../app/app-context';
import { WorkspacePanels } from './WorkspacePanels';
import { BacktestView } from '../backtest/BacktestView';
import { useBacktest } from '../backtest/use-backtest';
import './workspace.css';

/**
 * The panel area under the header; waits for the settings so panels open at their saved sizes.
 * The header's toggle picks the trading layout or the backtester (which stays mounted, hidden).
 */
export function Workspace(): ReactElement {
  const loaded = useSettings((s) => s.settings !== null);
  const status = useSettings((s) => s.status);
  const error = useSettings((s) => s.error);
  const view = useBacktest((s) => s.view);

  return (
    <main className="workspace">
      {loaded ? (
        <>
          {view === 'trade' && <WorkspacePanels />}
          <BacktestView hidden={view !== 'backtest'} />
        </>
      ) : (
        <p className="workspace-waiting" role="status">
          {status === 'error' ? `Could not load settings: ${error ?? 'unknown error'}` : 'Loading workspace…'}
        </p>
      )}
    </main>
  );
}
