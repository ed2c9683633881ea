import { useMemo, useState, type ReactElement } from 'react';
import { useServices } from '../../app/app-context';
import { EmptyState } from '../../ui/EmptyState';
import { METRICS, type MetricKey } from './metric-format';
import { groupSweepRows } from './sweep-sort';
import { SweepHeatmap } from './SweepHeatmap';
import { SweepProgressBar } from './SweepProgressBar';
import { SweepTable } from './SweepTable';
import { useBacktest } from './use-backtest';

/** The sweep's progress, then its heat map and results; walk-forward's out-of-sample rows apart. */
export function SweepPanel(): ReactElement {
  const { stores } = useServices();
  const sweep = useBacktest((s) => s.sweep);
  const [metric, setMetric] = useState<MetricKey>('sharpe');
  const groups = useMemo(() => groupSweepRows(sweep.rows), [sweep.rows]);

  if (sweep.sweepId === null && !sweep.starting) {
    return (
      <EmptyState title={sweep.error ? 'The sweep did not start' : 'No sweep yet'}>
        {sweep.error ?? 'Pick one or two parameters and their values, then Start. Progress, a heat map and a sortable table appear here.'}
      </EmptyState>
    );
  }
  const axes = sweep.axes;
  const params = axes ? [axes.x, ...(axes.y === null ? [] : [axes.y])] : [];
  const mapRows = groups.full.length > 0 ? groups.full : groups.inSample;

  return (
    <div className="bt-sweep" data-testid="sweep-results" data-rows={sweep.rows.length}>
      {sweep.progress ? (
        <SweepProgressBar progress={sweep.progress} onCancel={() => void stores.backtest.getState().cancelSweep()} />
      ) : (
        <p className="bt-hint" role="status">
          Starting…
        </p>
      )}
      {sweep.error && <p className="bt-error">{sweep.error}</p>}
      {sweep.progress && sweep.progress.state !== 'running' && sweep.rows.length === 0 && <p className="bt-hint">No runs finished, so there are no results to show.</p>}
      {axes?.y && mapRows.length > 0 && (
        <div className="bt-heatmap-wrap">
          <label className="bt-inline">
            Colour by
            <select data-testid="sweep-heatmap-metric" value={metric} onChange={(event) => setMetric(event.target.value as MetricKey)}>
              {METRICS.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <SweepHeatmap rows={mapRows} xParam={axes.x} yParam={axes.y} metric={metric} />
        </div>
      )}
      {groups.outOfSample.length > 0 && <SweepTable rows={groups.outOfSample} params={params} title="Out-of-sample (walk-forward test windows)" testId="sweep-out-of-sample" showWindow />}
      {groups.inSample.length > 0 && <SweepTable rows={groups.inSample} params={params} title="In-sample (optimisation windows)" testId="sweep-in-sample" showWindow />}
      {groups.full.length > 0 && <SweepTable rows={groups.full} params={params} title="Results" testId="sweep-table" />}
    </div>
  );
}
