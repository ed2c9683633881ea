import type { ReactElement } from 'react';
import type { OrderPreview } from '@shared/dto/trading';
import { formatAmount, formatMoney } from './ticket-format';
import { RejectionDetails } from './RejectionDetails';
import type { PreviewState } from './use-order-preview';

/** What the order would do now, from `orders.preview`; a risk refusal stands out above the numbers. */
export function TicketPreview({ state }: { state: PreviewState }): ReactElement {
  const preview = state.kind === 'ready' ? state.preview : state.kind === 'loading' ? state.previous : null;
  return (
    <section className="ticket-preview" data-testid="ticket-preview" data-state={state.kind} aria-label="Order preview" aria-busy={state.kind === 'loading'}>
      {state.kind === 'incomplete' && <p className="ticket-note">Complete the order to see its cost and risk check.</p>}
      {state.kind === 'error' && <p className="ticket-note ticket-note-error">Preview unavailable: {state.message}</p>}
      {state.kind === 'loading' && !preview && <p className="ticket-note">Checking…</p>}
      {preview && <PreviewFigures preview={preview} />}
    </section>
  );
}

function PreviewFigures({ preview }: { preview: OrderPreview }): ReactElement {
  const { rejection } = preview;
  return (
    <>
      {rejection ? (
        <div className="ticket-risk" data-testid="ticket-risk" data-rule={rejection.rule} role="alert">
          <p className="ticket-risk-title">Risk check would refuse this order</p>
          <RejectionDetails rejection={rejection} />
        </div>
      ) : (
        <p className="ticket-risk-ok" data-testid="ticket-risk-ok">
          Passes the risk checks
        </p>
      )}
      <dl className="ticket-figures numeric">
        <dt>Est. price</dt>
        <dd>{formatAmount(preview.estimatedPrice)}</dd>
        <dt>Quantity</dt>
        <dd>{formatAmount(preview.estimatedQuantity)}</dd>
        <dt>Est. cost</dt>
        <dd>{formatMoney(preview.estimatedCost)}</dd>
        <dt>Commission</dt>
        <dd>{formatMoney(preview.estimatedCommission)}</dd>
        <dt>Buying power</dt>
        <dd data-testid="ticket-buying-power">
          {formatMoney(preview.buyingPowerBefore)} → {formatMoney(preview.buyingPowerAfter)}
        </dd>
      </dl>
    </>
  );
}
