import type { ReactElement } from 'react';
import { TIMEFRAMES, type Timeframe } from '@shared/dto/market-data';

const LABELS: Record<Timeframe, string> = { '1s': '1s', '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1H', '1d': '1D' };
const TITLES: Record<Timeframe, string> = {
  '1s': '1-second bars',
  '1m': '1-minute bars',
  '5m': '5-minute bars',
  '15m': '15-minute bars',
  '1h': 'Hourly bars',
  '1d': 'Daily bars',
};

interface TimeframeSwitcherProps {
  value: Timeframe;
  onChange: (timeframe: Timeframe) => void;
}

export function TimeframeSwitcher({ value, onChange }: TimeframeSwitcherProps): ReactElement {
  return (
    <div className="segmented" role="group" aria-label="Timeframe">
      {TIMEFRAMES.map((timeframe) => (
        <button
          key={timeframe}
          type="button"
          className="segmented-button"
          data-testid={`timeframe-${timeframe}`}
          aria-pressed={timeframe === value}
          title={TITLES[timeframe]}
          onClick={() => onChange(timeframe)}
        >
          {LABELS[timeframe]}
        </button>
      ))}
    </div>
  );
}
