import type { ReactElement } from 'react';
import type { BacktestMetrics } from '@shared/dto/backtest';
import { metricRows } from './metric-format';

/** Every metric of the run, formatted, with the engine's raw value on the row for tests and copying. */
export function BacktestMetricsTable({ metrics }: { metrics: BacktestMetrics }): ReactElement {
  return (
    <table className="metrics-table bt-metrics numeric" data-testid="backtest-metrics">
      <tbody>
        {metricRows(metrics).map((row) => (
          <tr key={row.key} data-metric={row.key} data-value={row.raw}>
            <th scope="row">{row.label}</th>
            <td>{row.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
