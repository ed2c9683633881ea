import { useState, type ReactElement } from 'react';
import { useTradingStore } from './use-trading';

/** Trips the kill switch by hand, after an inline confirmation (no blocking browser dialog). */
export function KillSwitchButton(): ReactElement {
  const store = useTradingStore();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const trip = async (): Promise<void> => {
    setBusy(true);
    const outcome = await store.getState().tripKillSwitch('Tripped by hand');
    setBusy(false);
    setConfirming(false);
    setError(outcome.ok ? null : outcome.error);
  };

  if (!confirming) {
    return (
      <span className="kill-switch">
        {error && <span className="kill-switch-error" role="alert">{error}</span>}
        <button type="button" className="button kill-switch-trip" data-testid="kill-switch-trip" onClick={() => setConfirming(true)}>
          Kill switch
        </button>
      </span>
    );
  }
  return (
    <span className="kill-switch" role="group" aria-label="Confirm kill switch">
      <span className="kill-switch-question">Cancel every working order and block new ones?</span>
      <button type="button" className="button kill-switch-confirm" data-testid="kill-switch-confirm" disabled={busy} onClick={() => void trip()}>
        Trip
      </button>
      <button type="button" className="button button-ghost" data-testid="kill-switch-cancel" disabled={busy} onClick={() => setConfirming(false)}>
        Keep trading
      </button>
    </span>
  );
}
