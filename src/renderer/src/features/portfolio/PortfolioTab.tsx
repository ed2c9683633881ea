import { useMemo, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { zoneOffset } from '../chart/chart-time';
import { EquityChartView } from './EquityChartView';
import { MetricsTable } from './MetricsTable';
import { equityCurves } from './equity-series';
import { useEquityHistory } from './use-equity-history';
import './portfolio.css';

/** Equity curve and drawdown beside the performance metrics, refreshed while the tab is open. */
export function PortfolioTab(): ReactElement {
  const { history, status, error } = useEquityHistory();
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const curves = useMemo(() => equityCurves(history?.points ?? [], zoneOffset(zone, '1m')), [history, zone]);

  return (
    <div className="portfolio-tab" data-testid="portfolio" data-status={status}>
      <div className="portfolio-chart">
        <EquityChartView curves={curves} />
        {curves.equity.length === 0 && (
          <p className="portfolio-note">
            {status === 'error' ? `Could not load the equity history: ${error ?? 'unknown error'}` : status === 'loading' ? 'Loading equity history…' : 'The equity curve appears once the account has history.'}
          </p>
        )}
      </div>
      <div className="portfolio-metrics">
        {status === 'error' && curves.equity.length > 0 && <p className="trading-message">{error}</p>}
        <MetricsTable metrics={history?.metrics ?? null} />
      </div>
    </div>
  );
}
