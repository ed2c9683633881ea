import { useState, type ReactElement } from 'react';
import type { BacktestResult } from '@shared/dto/backtest';
import { useServices } from '../../app/app-context';
import { useChartSettings } from '../chart/use-chart-settings';
import { BacktestEquityChartView } from './BacktestEquityChartView';
import { BacktestMetricsTable } from './BacktestMetricsTable';
import { BacktestTradesTable } from './BacktestTradesTable';
import { formatDay } from './backtest-draft';
import { downloadText } from './download';

/** One run: what it was, its metrics, equity and trades, and what can be done with it. */
export function BacktestResults({ result }: { result: BacktestResult }): ReactElement {
  const { stores } = useServices();
  const { select } = useChartSettings();
  const [exportError, setExportError] = useState<string | null>(null);
  const { request } = result;

  const exportAs = async (format: 'csv' | 'json'): Promise<void> => {
    const outcome = await stores.backtest.getState().exportRun(result.id, format);
    if (outcome.ok) downloadText(outcome.fileName, outcome.mime, outcome.content);
    setExportError(outcome.ok ? null : outcome.error);
  };

  const showOnChart = (): void => {
    const symbol = request.symbols[0];
    if (symbol === undefined) return;
    select(symbol, request.timeframe);
    stores.backtest.getState().showOnChart(result);
  };

  const span = result.firstBarTime !== null && result.lastBarTime !== null ? `${formatDay(result.firstBarTime)} → ${formatDay(result.lastBarTime)}` : 'no bars';
  return (
    <div className="bt-results" data-testid="backtest-results" data-id={result.id}>
      <div className="bt-results-bar">
        <span className="bt-results-title">
          {request.strategy} · {request.symbols.join(', ')} {request.timeframe}
        </span>
        <span className="bt-hint">
          {span} · {result.bars.toLocaleString('en-US')} bars · {Math.round(result.durationMs).toLocaleString('en-US')} ms
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" data-testid="backtest-export-csv" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" className="button button-small" data-testid="backtest-export-json" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" className="button button-small button-primary" data-testid="backtest-show-on-chart" onClick={showOnChart}>
          Show on chart
        </button>
      </div>
      {exportError && <p className="bt-error">Export failed: {exportError}</p>}
      <div className="bt-results-top">
        <BacktestEquityChartView result={result} />
        <div className="bt-metrics-wrap">
          <BacktestMetricsTable metrics={result.metrics} />
        </div>
      </div>
      <div className="bt-trades-wrap">
        <BacktestTradesTable trades={result.trades} timeframe={request.timeframe} />
      </div>
    </div>
  );
}
