import { useCallback, useState } from 'react';

export type BrokerAction = 'connect' | 'unlock' | 'use-paper' | 'forget' | 'reconcile';

export interface BrokerActionState {
  /** The action in flight; the Broker section runs one at a time. */
  busy: BrokerAction | null;
  /** The last failure's message, cleared when the next action starts. */
  error: string | null;
  /** Runs an action and resolves to whether it succeeded. */
  run: (action: BrokerAction, perform: () => Promise<{ ok: true } | { ok: false; error: string }>) => Promise<boolean>;
  fail: (error: string) => void;
}

export function useBrokerAction(): BrokerActionState {
  const [busy, setBusy] = useState<BrokerAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback<BrokerActionState['run']>(async (action, perform) => {
    setBusy(action);
    setError(null);
    const outcome = await perform();
    setBusy(null);
    if (!outcome.ok) setError(outcome.error);
    return outcome.ok;
  }, []);

  return { busy, error, run, fail: setError };
}
