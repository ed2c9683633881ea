import type { ReactElement } from 'react';
import { TicketField } from './TicketField';
import type { TicketSectionProps } from './ticket-section';

/** The limit, stop and trail boxes the order type uses, and extended hours for limits. */
export function PriceFields({ form, layout, errors, edit }: TicketSectionProps): ReactElement | null {
  const trailing = layout.trailAmount || layout.trailPercent;
  if (!layout.limitPrice && !layout.stopPrice && !trailing && !layout.extendedHours) return null;
  return (
    <div className="ticket-prices">
      {layout.stopPrice && (
        <TicketField id="ticket-stop-price" label="Stop price" value={form.stopPrice} error={errors.stopPrice} onChange={(text) => edit({ stopPrice: text })} />
      )}
      {layout.limitPrice && (
        <TicketField id="ticket-limit-price" label="Limit price" value={form.limitPrice} error={errors.limitPrice} onChange={(text) => edit({ limitPrice: text })} />
      )}
      {trailing && (
        <div className="ticket-segments" role="group" aria-label="Trail by">
          <button type="button" className="ticket-segment" data-testid="ticket-trail-by-amount" aria-pressed={layout.trailAmount} onClick={() => edit({ trailMode: 'amount' })}>
            Amount
          </button>
          <button type="button" className="ticket-segment" data-testid="ticket-trail-by-percent" aria-pressed={layout.trailPercent} onClick={() => edit({ trailMode: 'percent' })}>
            Percent
          </button>
        </div>
      )}
      {layout.trailAmount && (
        <TicketField id="ticket-trail-amount" label="Trail amount" value={form.trailAmount} error={errors.trailAmount} onChange={(text) => edit({ trailAmount: text })} />
      )}
      {layout.trailPercent && (
        <TicketField id="ticket-trail-percent" label="Trail percent" unit="%" value={form.trailPercent} error={errors.trailPercent} onChange={(text) => edit({ trailPercent: text })} />
      )}
      {layout.extendedHours && (
        <div className="ticket-field" data-invalid={errors.extendedHours ? 'true' : undefined}>
          <label className="checkbox">
            <input type="checkbox" data-testid="ticket-extended-hours" checked={form.extendedHours} onChange={(event) => edit({ extendedHours: event.target.checked })} />
            Extended hours
          </label>
          {errors.extendedHours && <p className="ticket-error">{errors.extendedHours}</p>}
        </div>
      )}
    </div>
  );
}
