import { useState, type ReactElement } from 'react';
import type { BrokerStatus, ReconciliationReport } from '@shared/dto/broker';
import { useBrokerStore } from './use-broker';
import type { BrokerActionState } from './use-broker-action';
import { Spinner } from './Spinner';

function summary(report: ReconciliationReport): string {
  const count = report.differences.length;
  return count === 0 ? 'No differences' : `${count} difference${count === 1 ? '' : 's'} found`;
}

/** Back to paper, forget the keys (after an inline confirmation) and reconcile now. */
export function BrokerActions({ status, action }: { status: BrokerStatus; action: BrokerActionState }): ReactElement {
  const store = useBrokerStore();
  const [confirmingForget, setConfirmingForget] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const idle = action.busy === null;

  const reconcile = (): void => {
    setResult(null);
    void action.run('reconcile', async () => {
      const outcome = await store.getState().reconcile();
      if (outcome.ok) setResult(summary(outcome.report));
      return outcome;
    });
  };

  const forget = (): void => {
    setConfirmingForget(false);
    void action.run('forget', () => store.getState().forget());
  };

  return (
    <div className="broker-actions">
      {status.broker === 'alpaca' && (
        <button
          type="button"
          className="button"
          data-testid="broker-use-paper"
          disabled={!idle}
          onClick={() => void action.run('use-paper', () => store.getState().usePaper())}
        >
          {action.busy === 'use-paper' && <Spinner />}
          Use paper broker
        </button>
      )}
      {status.storedKeys &&
        (confirmingForget ? (
          <span className="broker-confirm" role="group" aria-label="Confirm forget keys">
            <span>Delete the stored Alpaca keys?</span>
            <button type="button" className="button broker-danger" data-testid="broker-forget-confirm" disabled={!idle} onClick={forget}>
              Forget
            </button>
            <button type="button" className="button button-ghost" data-testid="broker-forget-cancel" onClick={() => setConfirmingForget(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button" data-testid="broker-forget" disabled={!idle} onClick={() => setConfirmingForget(true)}>
            {action.busy === 'forget' && <Spinner />}
            Forget keys
          </button>
        ))}
      <button type="button" className="button" data-testid="broker-reconcile" disabled={!idle} onClick={reconcile}>
        {action.busy === 'reconcile' && <Spinner />}
        Reconcile now
      </button>
      {result && (
        <span className="broker-reconcile-result" data-testid="broker-reconcile-result" role="status">
          {result}
        </span>
      )}
    </div>
  );
}
