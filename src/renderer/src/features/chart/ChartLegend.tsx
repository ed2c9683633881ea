import type { ReactElement } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { LegendModel } from './legend';

interface ChartLegendProps {
  legend: StoreApi<LegendModel>;
  symbol: string;
  timeframe: string;
}

/** O H L C V of the bar under the crosshair (the last bar otherwise) and each indicator's values. */
export function ChartLegend({ legend, symbol, timeframe }: ChartLegendProps): ReactElement {
  const { bar, indicators } = useStore(legend);
  return (
    <div className="chart-legend numeric" data-testid="chart-legend" aria-live="off">
      <div className="legend-row">
        <span className="legend-symbol">{symbol}</span>
        <span className="legend-muted">{timeframe}</span>
        {bar && (
          <>
            <span className="legend-muted">{bar.time}</span>
            <LegendValue name="O" value={bar.open} />
            <LegendValue name="H" value={bar.high} />
            <LegendValue name="L" value={bar.low} />
            <LegendValue name="C" value={bar.close} />
            <LegendValue name="V" value={bar.volume} />
            <span className="legend-change" data-direction={bar.direction}>
              {bar.change}
            </span>
          </>
        )}
      </div>
      {indicators.map((indicator) => (
        <div key={indicator.id} className="legend-row" data-testid="legend-indicator" data-id={indicator.id}>
          <span className="legend-muted">{indicator.label}</span>
          {indicator.values.map((value, i) => (
            <span key={i} style={{ color: indicator.colors[i] }}>
              {value}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

function LegendValue({ name, value }: { name: string; value: string }): ReactElement {
  return (
    <span className="legend-value">
      <span className="legend-muted">{name}</span> {value}
    </span>
  );
}
