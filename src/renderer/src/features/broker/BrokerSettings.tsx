import { useState, type ReactElement } from 'react';
import { useConnection } from '../../app/app-context';
import { useBroker } from './use-broker';
import { useBrokerAction } from './use-broker-action';
import type { AlpacaEndpoints } from './alpaca-endpoints';
import { BrokerSummary } from './BrokerSummary';
import { AlpacaConnectForm } from './AlpacaConnectForm';
import { AlpacaUnlockForm } from './AlpacaUnlockForm';
import { BrokerActions } from './BrokerActions';
import { AlpacaEndpointFields } from './AlpacaEndpointFields';
import { ReconciliationList } from './ReconciliationList';
import './broker.css';

interface BrokerSettingsProps {
  /** The endpoint draft belongs to the settings form: its Save stores them. */
  endpoints: AlpacaEndpoints;
  onEndpointsChange: (next: AlpacaEndpoints) => void;
}

/**
 * The Settings dialog's Broker section: what the engine trades through, Alpaca keys in (or
 * unlocked), back to paper, forget, reconcile, the endpoints and the recent reconciliations.
 * Key, secret and passphrase act at once through the engine; only the endpoints wait for Save.
 */
export function BrokerSettings({ endpoints, onEndpointsChange }: BrokerSettingsProps): ReactElement {
  const status = useBroker((s) => s.status);
  const loadError = useBroker((s) => s.error);
  const headless = useConnection((s) => s.info?.host === 'headless');
  const action = useBrokerAction();
  const [replacingKeys, setReplacingKeys] = useState(false);
  const unlocking = status?.locked === true && !replacingKeys;

  return (
    <section className="broker-settings" data-testid="broker-settings" aria-labelledby="broker-settings-title">
      <h3 id="broker-settings-title" className="broker-settings-title">
        Broker
      </h3>
      <BrokerSummary status={status} loadError={loadError} />

      {unlocking ? (
        <>
          <AlpacaUnlockForm action={action} />
          <button type="button" className="button button-ghost broker-replace" data-testid="broker-replace-keys" onClick={() => setReplacingKeys(true)}>
            Enter new keys instead
          </button>
        </>
      ) : (
        <AlpacaConnectForm headless={headless} action={action} />
      )}

      {action.error && (
        <p className="broker-error" data-testid="broker-error" role="alert">
          {action.error}
        </p>
      )}
      {status && <BrokerActions status={status} action={action} />}

      <h4 className="broker-subtitle">Alpaca endpoints</h4>
      <div className="form-grid">
        <AlpacaEndpointFields value={endpoints} onChange={onEndpointsChange} />
      </div>

      <ReconciliationList />
    </section>
  );
}
