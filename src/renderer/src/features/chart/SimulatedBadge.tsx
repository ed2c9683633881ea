import type { ReactElement } from 'react';
import { isSimulated } from './simulated';

/** Says plainly that the prices on screen are not a real market. */
export function SimulatedBadge({ symbol }: { symbol: string }): ReactElement | null {
  if (!isSimulated(symbol)) return null;
  return (
    <span className="simulated-badge" data-testid="simulated-badge" title="Prices from Kestrel's built-in market simulator, not a real market">
      Simulated
    </span>
  );
}
