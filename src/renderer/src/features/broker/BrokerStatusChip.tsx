import type { ReactElement } from 'react';
import { useBroker } from './use-broker';
import { brokerTitle } from './broker-labels';
import './broker.css';

/** Which broker orders go to and how it is doing; hover for why when degraded or down. */
export function BrokerStatusChip(): ReactElement {
  const status = useBroker((s) => s.status);
  return (
    <span
      className="status-item broker-status"
      data-testid="broker-status"
      data-state={status?.state ?? 'connecting'}
      data-broker={status?.broker ?? 'unknown'}
      data-locked={status?.locked === true ? 'true' : undefined}
      title={brokerTitle(status)}
    >
      <span className="status-dot" aria-hidden="true" />
      {status?.label ?? 'Broker —'}
    </span>
  );
}
