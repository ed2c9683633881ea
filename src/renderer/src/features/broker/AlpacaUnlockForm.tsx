import { useState, type ReactElement } from 'react';
import { AlpacaUnlock } from '@shared/dto/broker';
import { useBrokerStore } from './use-broker';
import type { BrokerActionState } from './use-broker-action';
import { enterRuns } from './enter-runs';
import { Spinner } from './Spinner';
import { PassphraseField } from './ConnectFields';

/** Stored keys wait behind their passphrase after a restart of a headless engine. */
export function AlpacaUnlockForm({ action }: { action: BrokerActionState }): ReactElement {
  const store = useBrokerStore();
  const [passphrase, setPassphrase] = useState('');
  const ready = passphrase !== '' && action.busy === null;

  const unlock = (): void => {
    const parsed = AlpacaUnlock.safeParse({ passphrase });
    if (!parsed.success) {
      action.fail(parsed.error.issues[0]?.message ?? 'The passphrase is not valid');
      return;
    }
    setPassphrase('');
    void action.run('unlock', () => store.getState().unlock(parsed.data.passphrase));
  };

  const onKeyDown = enterRuns(ready, unlock);

  return (
    <div className="broker-form form-grid" role="group" aria-label="Unlock stored keys" onKeyDown={onKeyDown}>
      <PassphraseField value={passphrase} onChange={setPassphrase} hint="The stored keys are encrypted under the passphrase chosen when they were entered." />
      <span className="form-label" />
      <span className="broker-buttons">
        <button type="button" className="button button-primary" data-testid="broker-unlock" disabled={!ready} onClick={unlock}>
          {action.busy === 'unlock' && <Spinner />}
          {action.busy === 'unlock' ? 'Unlocking…' : 'Unlock'}
        </button>
      </span>
    </div>
  );
}
