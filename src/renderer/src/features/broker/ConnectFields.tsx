import type { ReactElement } from 'react';
import { LIVE_CONFIRMATION, type ConnectDraft } from './connect-form';

interface ProfileFieldsProps {
  draft: ConnectDraft;
  edit: (change: Partial<ConnectDraft>) => void;
}

/** Paper or live; live asks for LIVE to be typed before Connect enables. */
export function ProfileFields({ draft, edit }: ProfileFieldsProps): ReactElement {
  const live = draft.profile === 'live';
  return (
    <>
      <span className="form-label">Account</span>
      <span className="broker-profile" role="radiogroup" aria-label="Account">
        <label className="checkbox">
          <input
            type="radio"
            name="broker-profile"
            data-testid="broker-profile-paper"
            checked={!live}
            onChange={() => edit({ profile: 'paper', liveConfirm: '' })}
          />
          Paper
        </label>
        <label className="checkbox broker-profile-live">
          <input type="radio" name="broker-profile" data-testid="broker-profile-live" checked={live} onChange={() => edit({ profile: 'live' })} />
          Live
        </label>
      </span>

      {live && (
        <>
          <label htmlFor="broker-live-confirm">Confirm live</label>
          <input
            id="broker-live-confirm"
            data-testid="broker-live-confirm"
            className="input broker-live-confirm"
            autoComplete="off"
            spellCheck={false}
            placeholder={`Type ${LIVE_CONFIRMATION}`}
            value={draft.liveConfirm}
            onChange={(event) => edit({ liveConfirm: event.target.value })}
          />
          <span className="form-label" />
          <span className="form-hint broker-live-warning">Orders will go to your real Alpaca account and trade real money.</span>
        </>
      )}
    </>
  );
}

/** Headless engines keep the keys in a file encrypted under this passphrase. */
export function PassphraseField({ value, onChange, hint }: { value: string; onChange: (next: string) => void; hint?: string }): ReactElement {
  return (
    <>
      <label htmlFor="broker-passphrase">Passphrase</label>
      <input
        id="broker-passphrase"
        data-testid="broker-passphrase"
        className="input"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="form-label" />
      <span className="form-hint">
        {hint ??
          'Optional, at least 8 characters. The engine runs headless and stores the keys in a file encrypted under this passphrase; after a restart, Unlock asks for it again.'}
      </span>
    </>
  );
}
