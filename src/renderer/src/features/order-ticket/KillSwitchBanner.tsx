import type { ReactElement } from 'react';
import type { KillSwitchState } from '@shared/dto/trading';

/** Shown while the kill switch is tripped: new orders are refused until it is reset in the account panel. */
export function KillSwitchBanner({ killSwitch }: { killSwitch: KillSwitchState }): ReactElement | null {
  if (!killSwitch.tripped) return null;
  return (
    <div className="ticket-kill-switch" data-testid="ticket-kill-switch" role="alert">
      <p className="ticket-kill-switch-title">Kill switch tripped: new orders are blocked</p>
      <p>{killSwitch.reason ?? 'No reason given'}</p>
      <p className="ticket-hint">Reset it in the account panel.</p>
    </div>
  );
}
