import { useState, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { formatClockTime } from '../../ui/time-format';
import { useTrading, useTradingStore } from './use-trading';

/** A red bar while the kill switch is tripped: why, since when, and a Reset. Nothing otherwise. */
export function KillSwitchBanner(): ReactElement | null {
  const store = useTradingStore();
  const killSwitch = useTrading((s) => s.risk?.killSwitch ?? null);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!killSwitch?.tripped) return null;

  const reset = async (): Promise<void> => {
    setBusy(true);
    const outcome = await store.getState().resetKillSwitch();
    setBusy(false);
    setError(outcome.ok ? null : outcome.error);
  };

  return (
    <div className="kill-switch-banner" data-testid="kill-switch-banner" role="alert">
      <strong>Kill switch tripped</strong>
      <span className="kill-switch-reason" data-testid="kill-switch-reason">
        {killSwitch.reason ?? 'No reason given'}
      </span>
      {killSwitch.trippedAt !== null && <span className="kill-switch-since numeric">since {formatClockTime(killSwitch.trippedAt, zone)}</span>}
      <span className="kill-switch-note">New orders are refused.</span>
      {error && <span className="kill-switch-error">{error}</span>}
      <button type="button" className="button kill-switch-reset" data-testid="kill-switch-reset" disabled={busy} onClick={() => void reset()}>
        Reset
      </button>
    </div>
  );
}
