import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';

/** PAPER or LIVE, always on screen, so nobody mistakes one account for the other. */
export function ModeBadge(): ReactElement {
  const mode = useConnection((s) => s.info?.mode ?? null);
  const title =
    mode === 'live' ? 'Live trading: orders go to the real account' : mode === 'paper' ? 'Paper trading: simulated fills' : 'Trading mode not known yet';
  return (
    <span className="mode-badge" data-testid="mode-badge" data-mode={mode ?? 'unknown'} title={title}>
      {mode === null ? '—' : mode.toUpperCase()}
    </span>
  );
}
