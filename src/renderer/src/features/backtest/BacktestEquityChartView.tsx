import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { BacktestResult } from '@shared/dto/backtest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { PALETTES } from '../chart/chart-theme';
import { zoneOffset } from '../chart/chart-time';
import { BacktestEquityChart } from './backtest-equity-chart';
import { backtestCurves } from './equity-view';

/** The run's equity, benchmark and drawdown; one chart for the life of the results pane. */
export function BacktestEquityChartView({ result }: { result: BacktestResult }): ReactElement {
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const hostRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<BacktestEquityChart | null>(null);
  const { timeframe } = result.request;
  const curves = useMemo(() => backtestCurves(result.equity, zoneOffset(zone, timeframe)), [result.equity, zone, timeframe]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const created = new BacktestEquityChart(host);
    setChart(created);
    return () => created.dispose();
  }, []);

  useEffect(() => chart?.setPalette(PALETTES[theme]), [chart, theme]);
  useEffect(() => chart?.setCurves(curves, timeframe), [chart, curves, timeframe]);

  return (
    <div className="bt-equity">
      <div className="bt-equity-chart" data-testid="backtest-equity-chart" data-points={curves.equity.length} data-benchmark-points={curves.benchmark.length} ref={hostRef} />
      <p className="bt-legend" aria-hidden="true">
        <span className="bt-legend-equity">Equity</span> <span className="bt-legend-benchmark">Benchmark (buy and hold)</span> <span className="bt-legend-drawdown">Drawdown %</span>
      </p>
    </div>
  );
}
