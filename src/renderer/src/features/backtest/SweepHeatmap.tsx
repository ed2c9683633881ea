import { useMemo, type ReactElement } from 'react';
import type { SweepRow } from '@shared/dto/backtest';
import { heatColor, heatmapLayout } from './heatmap';
import { formatMetric, metricInfo, type MetricKey } from './metric-format';

interface SweepHeatmapProps {
  rows: readonly SweepRow[];
  xParam: string;
  yParam: string;
  metric: MetricKey;
}

/** A two-parameter grid coloured from worst (red) to best (green) by the chosen metric; hover shows the value. */
export function SweepHeatmap({ rows, xParam, yParam, metric }: SweepHeatmapProps): ReactElement {
  const map = useMemo(() => heatmapLayout(rows, xParam, yParam, metric), [rows, xParam, yParam, metric]);
  const label = metricInfo(metric).label;
  // Sizes and colours come from the data; React sets them through the CSSOM, which the CSP allows.
  const grid = { gridTemplateColumns: `auto repeat(${map.xs.length}, minmax(36px, 1fr))` };
  return (
    <figure className="bt-heatmap" aria-label={`${label} by ${xParam} and ${yParam}`}>
      <div className="bt-heatmap-grid" data-testid="sweep-heatmap" data-metric={metric} style={grid}>
        <span className="bt-heatmap-corner">
          {yParam} ↓ / {xParam} →
        </span>
        {map.xs.map((x) => (
          <span key={`x-${String(x)}`} className="bt-heatmap-axis">
            {String(x)}
          </span>
        ))}
        {map.ys.map((y, row) => [
          <span key={`y-${String(y)}`} className="bt-heatmap-axis bt-heatmap-axis-y">
            {String(y)}
          </span>,
          ...map.xs.map((x, column) => {
            const cell = map.cells.find((c) => c.row === row && c.column === column);
            if (!cell) return <span key={`${row}-${column}`} className="bt-heatmap-hole" />;
            const text = formatMetric(metric, cell.value);
            return (
              <span
                key={`${row}-${column}`}
                className="bt-heatmap-cell numeric"
                data-testid="heatmap-cell"
                data-x={String(cell.x)}
                data-y={String(cell.y)}
                data-value={cell.value === null ? '' : String(cell.value)}
                title={`${xParam} ${String(cell.x)}, ${yParam} ${String(cell.y)}: ${label} ${text}`}
                style={{ background: heatColor(cell.score) }}
              >
                {text}
              </span>
            );
          }),
        ])}
      </div>
      <figcaption className="bt-hint">
        {label} from {formatMetric(metric, map.min)} to {formatMetric(metric, map.max)}; greener is better{metricInfo(metric).higherIsBetter ? '' : ' (lower is better here)'}.
      </figcaption>
    </figure>
  );
}
