import type { ReactElement } from 'react';
import type { OrderSide } from '@shared/dto/trading';

/** Buy (green) or sell (red): two large buttons, the chosen one filled. */
export function SideToggle({ side, onChange }: { side: OrderSide; onChange: (side: OrderSide) => void }): ReactElement {
  return (
    <div className="ticket-sides" role="group" aria-label="Side">
      {(['buy', 'sell'] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="ticket-side"
          data-side={option}
          data-testid={`ticket-side-${option}`}
          aria-pressed={side === option}
          onClick={() => onChange(option)}
        >
          {option === 'buy' ? 'Buy' : 'Sell'}
        </button>
      ))}
    </div>
  );
}
