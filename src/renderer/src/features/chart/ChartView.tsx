import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useServices, useSettings } from '../../app/app-context';
import { ChartSession } from './chart-session';
import { LwcSurface } from './lwc-surface';
import { TradeOverlay } from './trade-overlay-session';
import { PALETTES } from './chart-theme';
import { initialBars } from './chart-config';
import { writeChartDataset } from './chart-dataset';
import { ChartLegend } from './ChartLegend';
import { ChartStatusOverlay } from './ChartStatusOverlay';
import { useReloadOnReconnect } from './use-reload-on-reconnect';
import { backtestFillSource } from '../../store/backtest/backtest-overlay';
import { useReloadOnReplay } from '../replay/use-reload-on-replay';

interface ChartViewProps {
  symbol: string;
  timeframe: Timeframe;
  indicators: readonly IndicatorSpec[];
}

/**
 * The canvas: one lightweight-charts chart and the session that feeds it for the life of the
 * panel, with the trade overlay (fills, working orders) fed from the trading store. Props only
 * tell the session what to show; bars, live updates and trades never pass through React state.
 */
export function ChartView({ symbol, timeframe, indicators }: ChartViewProps): ReactElement {
  const { client, stores } = useServices();
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  const hostRef = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<ChartSession | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const surface = new LwcSurface(host);
    // A backtest's fills join the account's when "Show on chart" put one there.
    const overlay = new TradeOverlay(stores.trading, surface, {
      extraFills: backtestFillSource(stores.backtest),
      onMarkers: (count) => (host.dataset.markerCount = String(count)),
    });
    const chart = new ChartSession(client, surface, {
      initialBars: initialBars(window.location.search),
      nextFrame: (run) => void requestAnimationFrame(run),
      onBars: (bars, shown) => overlay.barsChanged(bars, shown),
    });
    writeChartDataset(host, chart.status.getState());
    const unwatch = chart.status.subscribe((status) => writeChartDataset(host, status));
    setSession(chart);
    return () => {
      unwatch();
      chart.dispose();
      overlay.dispose();
      surface.dispose();
    };
  }, [client, stores.trading, stores.backtest]);

  useEffect(() => session?.setPalette(PALETTES[theme]), [session, theme]);
  useEffect(() => session?.setIndicators(indicators), [session, indicators]);
  useEffect(() => session?.show({ symbol, timeframe, zone }), [session, symbol, timeframe, zone]);

  // One subscription for the life of the chart; the session keeps what is for the shown symbol.
  useEffect(() => (session ? client.subscribe('md.bar', (update) => session.receiveBar(update)) : undefined), [client, session]);

  // After a reconnect the engine may have moved on: load the symbol again.
  const reload = useMemo(() => (session ? () => session.reload() : null), [session]);
  useReloadOnReconnect(client, reload);
  // A replay of this symbol started, sought or stopped: its history now ends elsewhere.
  useReloadOnReplay(client, symbol, reload);

  return (
    <div className="chart-view">
      <div className="chart-canvas" data-testid="chart-canvas" ref={hostRef} />
      {session && <ChartLegend legend={session.legend} symbol={symbol} timeframe={timeframe} />}
      {session && reload && <ChartStatusOverlay status={session.status} onRetry={reload} />}
    </div>
  );
}
