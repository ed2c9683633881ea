import type { ReactElement } from 'react';
import { useServices } from '../../app/app-context';
import { formatDay } from './backtest-draft';
import { formatMetric } from './metric-format';
import { useBacktest } from './use-backtest';

/** Saved runs, newest first: open one to see it again, or delete it. */
export function RunsList(): ReactElement {
  const { stores } = useServices();
  const runs = useBacktest((s) => s.runs);
  const shown = useBacktest((s) => s.result?.id ?? null);

  return (
    <section className="bt-runs" aria-label="Saved runs">
      <h3 className="bt-section-title">Saved runs</h3>
      {runs.length === 0 && <p className="bt-hint">Runs are saved here as you make them.</p>}
      <ul className="bt-run-list" data-testid="backtest-runs">
        {runs.map((run) => (
          <li key={run.id} className="bt-run" data-testid="backtest-run-item" data-id={run.id} aria-current={run.id === shown ? 'true' : undefined}>
            <button type="button" className="bt-run-open" title="Open this run" onClick={() => void stores.backtest.getState().open(run.id)}>
              <span className="bt-run-name">
                {run.strategy} · {run.symbols.join(', ')} {run.timeframe}
              </span>
              <span className="bt-run-meta numeric">
                {formatDay(run.createdAt)} · {formatMetric('totalReturn', run.metrics.totalReturn)} · {run.metrics.tradeCount} trades
              </span>
            </button>
            <button type="button" className="button button-ghost button-small" data-testid="backtest-run-delete" aria-label={`Delete run ${run.id}`} onClick={() => void stores.backtest.getState().remove(run.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
