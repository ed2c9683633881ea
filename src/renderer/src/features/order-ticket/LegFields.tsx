import type { ReactElement } from 'react';
import { TicketField } from './TicketField';
import type { TicketSectionProps } from './ticket-section';

const HINTS = {
  bracket: 'Both exits are placed when the entry fills; one filling cancels the other.',
  oto: 'One exit, placed when the entry fills: fill in the take-profit or the stop-loss.',
  oco: 'Two exits for a position you hold; the side is the exits’ side. One filling cancels the other.',
} as const;

/** The take-profit and stop-loss legs of a bracket, OTO or OCO. */
export function LegFields({ form, layout, errors, edit }: TicketSectionProps): ReactElement | null {
  if (!layout.takeProfit && !layout.stopLoss) return null;
  const hint = form.orderClass === 'simple' ? null : HINTS[form.orderClass];
  return (
    <fieldset className="ticket-legs">
      <legend>Exits</legend>
      {hint && <p className="ticket-hint">{hint}</p>}
      {layout.takeProfit && (
        <TicketField
          id="ticket-take-profit"
          label="Take-profit limit"
          value={form.takeProfitLimit}
          error={errors.takeProfitLimit}
          onChange={(text) => edit({ takeProfitLimit: text })}
        />
      )}
      {layout.stopLoss && (
        <>
          <TicketField id="ticket-stop-loss" label="Stop-loss stop" value={form.stopLossStop} error={errors.stopLossStop} onChange={(text) => edit({ stopLossStop: text })} />
          <TicketField
            id="ticket-stop-loss-limit"
            label="Stop-loss limit"
            placeholder="optional"
            value={form.stopLossLimit}
            error={errors.stopLossLimit}
            onChange={(text) => edit({ stopLossLimit: text })}
          />
        </>
      )}
    </fieldset>
  );
}
