import type { ReactElement } from 'react';
import type { Rejection } from '@shared/dto/trading';
import { RULE_LABELS, rejectionFigures } from './ticket-format';

/** A risk refusal: the rule (label and code), the engine's message and the numbers compared. */
export function RejectionDetails({ rejection }: { rejection: Rejection }): ReactElement {
  const figures = rejectionFigures(rejection);
  return (
    <>
      <p className="ticket-rule">
        {RULE_LABELS[rejection.rule]} <code className="ticket-rule-code">{rejection.rule}</code>
      </p>
      <p className="ticket-rule-message">{rejection.message}</p>
      {figures && <p className="ticket-rule-figures numeric">{figures}</p>}
    </>
  );
}
