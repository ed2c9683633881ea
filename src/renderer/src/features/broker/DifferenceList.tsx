import type { ReactElement } from 'react';
import type { ReconciliationDifference } from '@shared/dto/broker';
import { DIFFERENCE_LABELS } from './broker-labels';

/** What one reconciliation found, one line per difference. */
export function DifferenceList({ differences }: { differences: readonly ReconciliationDifference[] }): ReactElement {
  return (
    <ul className="broker-differences">
      {differences.map((difference, index) => (
        <li key={`${difference.kind}-${difference.orderId ?? ''}-${index}`} data-kind={difference.kind}>
          <span className="broker-difference-kind">{DIFFERENCE_LABELS[difference.kind]}</span>
          {difference.symbol && <span className="broker-difference-symbol">{difference.symbol}</span>}
          <span className="broker-difference-message">{difference.message}</span>
        </li>
      ))}
    </ul>
  );
}
