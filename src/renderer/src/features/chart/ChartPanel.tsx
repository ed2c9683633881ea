import { useCallback, useState, type ReactElement } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import { ImportDialog } from '../data-import/ImportDialog';
import { ChartToolbar } from './ChartToolbar';
import { ChartView } from './ChartView';
import { useChartSettings } from './use-chart-settings';
import './chart.css';

/** The price chart of the selected symbol, with its toolbar and the CSV import dialog. */
export function ChartPanel(): ReactElement {
  const chart = useChartSettings();
  const [importing, setImporting] = useState(false);
  const { select } = chart;

  const closeImport = useCallback(() => setImporting(false), []);
  const showImported = useCallback(
    (symbol: string, timeframe: Timeframe) => {
      select(symbol, timeframe);
      setImporting(false);
    },
    [select],
  );

  return (
    <section className="panel chart-panel" data-testid="panel-chart" aria-label="Chart">
      <ChartToolbar chart={chart} onOpenImport={() => setImporting(true)} />
      <div className="panel-body chart-body">
        <ChartView symbol={chart.symbol} timeframe={chart.timeframe} indicators={chart.indicators} />
        {/* lightweight-charts' licence asks for this credit; its own logo needs an inline style the CSP refuses. */}
        <a className="chart-credit" href="https://www.tradingview.com/" target="_blank" rel="noreferrer" title="Charting by TradingView Lightweight Charts">
          TradingView
        </a>
      </div>
      {importing && <ImportDialog onClose={closeImport} onShow={showImported} />}
    </section>
  );
}
