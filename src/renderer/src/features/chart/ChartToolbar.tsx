import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { ReplayBar } from '../replay/ReplayBar';
import { PALETTES } from './chart-theme';
import { IndicatorChips } from './IndicatorChips';
import { IndicatorMenu } from './IndicatorMenu';
import { SimulatedBadge } from './SimulatedBadge';
import { SymbolSearch } from './SymbolSearch';
import { TimeframeSwitcher } from './TimeframeSwitcher';
import type { ChartSettingsApi } from './use-chart-settings';

interface ChartToolbarProps {
  chart: ChartSettingsApi;
  onOpenImport: () => void;
}

/** Symbol search, timeframe, indicators and CSV import above the chart. */
export function ChartToolbar({ chart, onOpenImport }: ChartToolbarProps): ReactElement {
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  return (
    <div className="chart-toolbar">
      <span className="chart-symbol" data-testid="chart-symbol">
        {chart.symbol}
      </span>
      <SimulatedBadge symbol={chart.symbol} />
      <SymbolSearch testId="symbol-search" label="Symbol" placeholder="Symbol…" onPick={(symbol) => chart.select(symbol)} />
      <TimeframeSwitcher value={chart.timeframe} onChange={chart.setTimeframe} />
      <IndicatorMenu indicators={chart.indicators} onChange={chart.setIndicators} />
      <IndicatorChips indicators={chart.indicators} palette={PALETTES[theme]} onChange={chart.setIndicators} />
      <span className="toolbar-spacer" />
      <ReplayBar symbol={chart.symbol} timeframe={chart.timeframe} />
      <button type="button" className="button button-small" data-testid="open-import" title="Import bars from a CSV file" onClick={onOpenImport}>
        Import CSV
      </button>
    </div>
  );
}
