import { useMemo, useState, type ReactElement } from 'react';
import type { SweepRow } from '@shared/dto/backtest';
import { METRICS, formatMetric } from './metric-format';
import { nextSort, sortSweepRows, type SweepColumn, type SweepSort } from './sweep-sort';

interface SweepTableProps {
  rows: readonly SweepRow[];
  params: readonly string[];
  title: string;
  testId: string;
  /** Walk-forward rows carry their window. */
  showWindow?: boolean;
}

const sameColumn = (a: SweepColumn, b: SweepColumn): boolean => (a.kind === 'metric' && b.kind === 'metric' ? a.key === b.key : a.kind === 'param' && b.kind === 'param' && a.name === b.name);

/** Sweep rows with a column per parameter and per metric; a header click sorts by it. */
export function SweepTable({ rows, params, title, testId, showWindow = false }: SweepTableProps): ReactElement {
  const [sort, setSort] = useState<SweepSort>({ column: { kind: 'metric', key: 'sharpe' }, direction: 'desc' });
  const sorted = useMemo(() => sortSweepRows(rows, sort), [rows, sort]);

  const header = (column: SweepColumn, label: string, key: string): ReactElement => {
    const active = sameColumn(sort.column, column);
    return (
      <th key={key} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="bt-sort" data-testid="sweep-sort" data-column={key} onClick={() => setSort(nextSort(sort, column))}>
          {label}
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  return (
    <section className="bt-sweep-table" aria-label={title}>
      <h3 className="bt-section-title">
        {title} <span className="bt-hint">({rows.length.toLocaleString('en-US')})</span>
      </h3>
      <div className="bt-table-scroll">
        <table className="trading-table" data-testid={testId}>
          <thead>
            <tr>
              {showWindow && <th>Window</th>}
              {params.map((name) => header({ kind: 'param', name }, name, `param:${name}`))}
              {METRICS.map((m) => header({ kind: 'metric', key: m.key }, m.label, m.key))}
            </tr>
          </thead>
          <tbody className="numeric">
            {sorted.map((row, i) => (
              <tr key={i} data-testid="sweep-row" data-sample={row.sample}>
                {showWindow && <td>{row.window ?? '—'}</td>}
                {params.map((name) => (
                  <td key={name}>{String(row.params[name] ?? '—')}</td>
                ))}
                {METRICS.map((m) => (
                  <td key={m.key}>{formatMetric(m.key, row.metrics[m.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
