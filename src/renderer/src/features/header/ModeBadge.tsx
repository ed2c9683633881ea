import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';
import { useBroker } from '../broker/use-broker';
import '../broker/broker.css';

/**
 * PAPER or LIVE, always on screen, so nobody mistakes one account for the other. The broker
 * status says which account orders go to; engine info answers until it has loaded.
 */
export function ModeBadge(): ReactElement {
  const brokerMode = useBroker((s) => s.status?.mode ?? null);
  const engineMode = useConnection((s) => s.info?.mode ?? null);
  const mode = brokerMode ?? engineMode;
  const title =
    mode === 'live' ? 'Live trading: orders go to the real account' : mode === 'paper' ? 'Paper trading: simulated or paper-account fills' : 'Trading mode not known yet';
  return (
    <span className="mode-badge" data-testid="mode-badge" data-mode={mode ?? 'unknown'} title={title}>
      {mode === null ? '—' : mode.toUpperCase()}
    </span>
  );
}
