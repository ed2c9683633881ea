import { useState, type ReactElement } from 'react';
import { useBrokerStore } from './use-broker';
import type { BrokerActionState } from './use-broker-action';
import { EMPTY_CONNECT_DRAFT, canConnect, connectRequest, type ConnectDraft } from './connect-form';
import { enterRuns } from './enter-runs';
import { Spinner } from './Spinner';
import { PassphraseField, ProfileFields } from './ConnectFields';

interface AlpacaConnectFormProps {
  /** A headless engine stores keys in a file encrypted under a passphrase the user chooses. */
  headless: boolean;
  action: BrokerActionState;
}

/**
 * Alpaca keys in, validated by the engine against the account. The secret is a password field
 * that is never filled back in: it leaves this component's state as the request is sent.
 */
export function AlpacaConnectForm({ headless, action }: AlpacaConnectFormProps): ReactElement {
  const store = useBrokerStore();
  const [draft, setDraft] = useState<ConnectDraft>(EMPTY_CONNECT_DRAFT);
  const edit = (change: Partial<ConnectDraft>): void => setDraft((current) => ({ ...current, ...change }));
  const ready = canConnect(draft) && action.busy === null;
  const live = draft.profile === 'live';

  const connect = (): void => {
    const request = connectRequest(draft, headless);
    if (!request.ok) {
      action.fail(request.error);
      return;
    }
    // The secret and passphrase leave component state as the request goes out; LIVE is asked again.
    setDraft((current) => ({ ...current, secret: '', passphrase: '', liveConfirm: '' }));
    void action.run('connect', () => store.getState().connect(request.params)).then((ok) => {
      if (ok) setDraft(EMPTY_CONNECT_DRAFT);
    });
  };

  const onKeyDown = enterRuns(ready, connect);

  return (
    <div className="broker-form form-grid" role="group" aria-label="Connect Alpaca" onKeyDown={onKeyDown}>
      <label htmlFor="broker-key-id">Key ID</label>
      <input
        id="broker-key-id"
        data-testid="broker-key-id"
        className="input"
        autoComplete="off"
        spellCheck={false}
        value={draft.keyId}
        onChange={(event) => edit({ keyId: event.target.value })}
      />

      <label htmlFor="broker-secret">Secret key</label>
      <input
        id="broker-secret"
        data-testid="broker-secret"
        className="input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft.secret}
        onChange={(event) => edit({ secret: event.target.value })}
      />
      <span className="form-label" />
      <span className="form-hint">
        The engine checks the keys against the account, then stores them encrypted
        {headless ? '' : " with the operating system's safe storage"}. They are never shown again.
      </span>

      <ProfileFields draft={draft} edit={edit} />
      {headless && <PassphraseField value={draft.passphrase} onChange={(passphrase) => edit({ passphrase })} />}

      <span className="form-label" />
      <span className="broker-buttons">
        <button
          type="button"
          className={live ? 'button broker-connect-live' : 'button button-primary'}
          data-testid="broker-connect"
          data-profile={draft.profile}
          disabled={!ready}
          onClick={connect}
        >
          {action.busy === 'connect' && <Spinner />}
          {action.busy === 'connect' ? 'Connecting…' : live ? 'Connect live' : 'Connect'}
        </button>
      </span>
    </div>
  );
}
