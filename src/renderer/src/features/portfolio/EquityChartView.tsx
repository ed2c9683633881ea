import { useEffect, useRef, useState, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { PALETTES } from '../chart/chart-theme';
import { EquityChart } from './equity-chart';
import type { EquityCurves } from './equity-series';

/** The canvas for the equity curve and drawdown; the chart lives as long as the tab is open. */
export function EquityChartView({ curves }: { curves: EquityCurves }): ReactElement {
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  const hostRef = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EquityChart | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const created = new EquityChart(host);
    setChart(created);
    return () => created.dispose();
  }, []);

  useEffect(() => chart?.setPalette(PALETTES[theme]), [chart, theme]);
  useEffect(() => chart?.setCurves(curves), [chart, curves]);

  return <div className="equity-chart" data-testid="portfolio-equity-chart" data-points={curves.equity.length} ref={hostRef} />;
}
