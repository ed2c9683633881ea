import { useCallback, useMemo } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import { DEFAULT_SETTINGS, type ChartSettings } from '@shared/dto/settings';
import { useServices, useSettings } from '../../app/app-context';

export interface ChartSettingsApi extends ChartSettings {
  /** Shows a symbol (and optionally a timeframe) on the chart. */
  select: (symbol: string, timeframe?: Timeframe) => void;
  setTimeframe: (timeframe: Timeframe) => void;
  setIndicators: (indicators: IndicatorSpec[]) => void;
}

/**
 * The chart's symbol, timeframe and indicators live in the settings (`settings.chart`), so they
 * survive a restart; changes go through `settings.update` and show at once (optimistic).
 */
export function useChartSettings(): ChartSettingsApi {
  const { stores } = useServices();
  const chart = useSettings((s) => s.settings?.chart ?? DEFAULT_SETTINGS.chart);

  const change = useCallback(
    (patch: Partial<ChartSettings>) => {
      const { settings, update } = stores.settings.getState();
      const current = settings?.chart ?? DEFAULT_SETTINGS.chart;
      const next = { ...current, ...patch };
      if (next.symbol === current.symbol && next.timeframe === current.timeframe && next.indicators === current.indicators) return;
      void update({ chart: next });
    },
    [stores],
  );

  const select = useCallback((symbol: string, timeframe?: Timeframe) => change(timeframe ? { symbol, timeframe } : { symbol }), [change]);
  const setTimeframe = useCallback((timeframe: Timeframe) => change({ timeframe }), [change]);
  const setIndicators = useCallback((indicators: IndicatorSpec[]) => change({ indicators }), [change]);

  return useMemo(() => ({ ...chart, select, setTimeframe, setIndicators }), [chart, select, setTimeframe, setIndicators]);
}
