import type { ReactElement } from 'react';
import type { BrokerStatus } from '@shared/dto/broker';
import { VAULT_LABELS } from './broker-labels';

/** What the engine trades through now: never more of the keys than their masked id. */
export function BrokerSummary({ status, loadError }: { status: BrokerStatus | null; loadError: string | null }): ReactElement {
  if (!status) {
    return <p className="dialog-note">{loadError ? `Broker status not available: ${loadError}` : 'Broker status is still loading from the engine.'}</p>;
  }
  return (
    <dl className="broker-summary" aria-label="Broker">
      <dt>Broker</dt>
      <dd className="status-item broker-status" data-testid="broker-current" data-broker={status.broker} data-state={status.state}>
        <span className="status-dot" aria-hidden="true" />
        {status.label}
      </dd>
      <dt>Account</dt>
      <dd className="broker-mode" data-mode={status.mode}>
        {status.mode === 'live' ? 'LIVE: real money' : 'Paper'}
      </dd>
      <dt>Key</dt>
      <dd className="numeric" data-testid="broker-masked-key">
        {status.maskedKeyId ?? 'None'}
        {status.locked && ' (locked)'}
      </dd>
      <dt>Stored in</dt>
      <dd data-testid="broker-vault" data-vault={status.vault}>
        {VAULT_LABELS[status.vault]}
      </dd>
      {status.detail && (
        <>
          <dt>Detail</dt>
          <dd className="broker-detail" data-testid="broker-detail">
            {status.detail}
          </dd>
        </>
      )}
    </dl>
  );
}
