import type { ReactElement } from 'react';
import { useConnection } from '../../app/app-context';
import { connectionLabel } from './connection-label';

export function ConnectionStatus(): ReactElement {
  const transport = useConnection((s) => s.transport);
  const hasBeenOpen = useConnection((s) => s.hasBeenOpen);
  const error = useConnection((s) => s.error);
  return (
    <span
      className="status-item"
      data-testid="connection-status"
      data-state={transport}
      title={error ? `Engine: ${error}` : 'Connection to the engine'}
    >
      <span className="status-dot" aria-hidden="true" />
      {connectionLabel(transport, hasBeenOpen)}
    </span>
  );
}
