import type { ReactElement } from 'react';
import { formatAmount, formatMoney } from './ticket-format';
import { TicketField } from './TicketField';
import type { PositionSizing } from './use-position-sizing';

/** Risk % of equity and a stop → the quantity, filled into the ticket (`risk.sizing`). */
export function SizingHelper({ sizing, stopFallback }: { sizing: PositionSizing; stopFallback: string }): ReactElement {
  const { input, setInput, state, size } = sizing;
  const errors = state.kind === 'invalid' ? state.errors : {};
  return (
    <details className="ticket-sizing">
      <summary>Position sizing</summary>
      <div className="ticket-row">
        <TicketField id="ticket-risk-percent" label="Risk % of equity" unit="%" value={input.riskPercent} error={errors.riskPercent} onChange={(text) => setInput({ riskPercent: text })} />
        <TicketField
          id="ticket-sizing-stop"
          label="Stop"
          placeholder={stopFallback.trim() === '' ? 'stop price' : stopFallback}
          value={input.stopPrice}
          error={errors.stopPrice}
          onChange={(text) => setInput({ stopPrice: text })}
        />
      </div>
      <div className="ticket-sizing-actions">
        <button type="button" className="button" data-testid="ticket-size" disabled={state.kind === 'busy'} onClick={size}>
          Size position
        </button>
        <span className="ticket-sizing-result" data-testid="ticket-sizing-result" data-kind={state.kind} role="status">
          {sizingText(state)}
        </span>
      </div>
      {errors.entry && <p className="ticket-error">{errors.entry}</p>}
    </details>
  );
}

function sizingText(state: PositionSizing['state']): string {
  switch (state.kind) {
    case 'sized':
      return `${formatAmount(state.result.quantity)} units: risks ${formatMoney(state.result.riskAmount)} (${formatMoney(state.result.perUnitRisk)} a unit) of ${formatMoney(state.result.equity)} equity`;
    case 'too-small':
      return `Risk of ${formatMoney(state.result.riskAmount)} buys less than one lot at ${formatMoney(state.result.perUnitRisk)} a unit`;
    case 'error':
      return `Not sized: ${state.message}`;
    case 'busy':
      return 'Sizing…';
    default:
      return '';
  }
}
