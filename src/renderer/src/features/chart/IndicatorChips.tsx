import type { ReactElement } from 'react';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { ChartPalette } from './chart-theme';
import { lineColor } from './chart-theme';
import { indicatorLabel } from './indicator-catalog';

interface IndicatorChipsProps {
  indicators: readonly IndicatorSpec[];
  palette: ChartPalette;
  onChange: (indicators: IndicatorSpec[]) => void;
}

/** One chip per indicator on the chart, in its line colour, with a remove button. */
export function IndicatorChips({ indicators, palette, onChange }: IndicatorChipsProps): ReactElement | null {
  if (indicators.length === 0) return null;
  return (
    <ul className="indicator-chips" aria-label="Indicators on the chart">
      {indicators.map((spec, position) => {
        const label = indicatorLabel(spec);
        return (
          <li key={spec.id} className="chip" data-testid="indicator-chip" data-kind={spec.kind} data-id={spec.id}>
            <span className="chip-swatch" style={{ background: lineColor(palette, position, 0, spec.kind) }} aria-hidden="true" />
            {label}
            <button
              type="button"
              className="chip-remove"
              data-testid="indicator-remove"
              aria-label={`Remove ${label}`}
              title={`Remove ${label}`}
              onClick={() => onChange(indicators.filter((other) => other.id !== spec.id))}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
