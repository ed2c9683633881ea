import type { ReactElement } from 'react';
import type { PerformanceMetrics } from '@shared/dto/trading';
import { metricRows } from './metrics-view';

/** Return and risk statistics of the account's equity history. */
export function MetricsTable({ metrics }: { metrics: PerformanceMetrics | null }): ReactElement {
  return (
    <table className="metrics-table numeric" data-testid="portfolio-metrics">
      <tbody>
        {metrics &&
          metricRows(metrics).map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              <td data-testid={`metric-${row.id}`}>{row.text}</td>
            </tr>
          ))}
        {!metrics && (
          <tr>
            <td className="metrics-empty">Loading metrics…</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
