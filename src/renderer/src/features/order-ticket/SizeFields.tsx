import type { ReactElement, Ref } from 'react';
import { TicketField } from './TicketField';
import type { TicketSectionProps } from './ticket-section';

/** Quantity, or an amount of money for market day orders; `inputRef` is where B and S put the focus. */
export function SizeFields({ form, layout, errors, edit, inputRef }: TicketSectionProps & { inputRef: Ref<HTMLInputElement> }): ReactElement {
  const notional = layout.size === 'notional';
  return (
    <div className="ticket-size">
      <div className="ticket-segments" role="group" aria-label="Size by">
        <button
          type="button"
          className="ticket-segment"
          data-testid="ticket-size-quantity"
          aria-pressed={!notional}
          onClick={() => edit({ sizeMode: 'quantity' })}
        >
          Quantity
        </button>
        <button
          type="button"
          className="ticket-segment"
          data-testid="ticket-size-notional"
          aria-pressed={notional}
          disabled={!layout.notionalAllowed}
          title={layout.notionalAllowed ? 'Buy or sell an amount of money' : 'Notional is for market orders with day time in force'}
          onClick={() => edit({ sizeMode: 'notional' })}
        >
          Notional
        </button>
      </div>
      {notional ? (
        <TicketField
          id="ticket-notional"
          label="Notional"
          unit="$"
          value={form.notional}
          error={errors.notional}
          inputRef={inputRef}
          onChange={(text) => edit({ notional: text })}
        />
      ) : (
        <TicketField
          id="ticket-quantity"
          label="Quantity"
          value={form.quantity}
          error={errors.quantity}
          inputRef={inputRef}
          onChange={(text) => edit({ quantity: text })}
        />
      )}
    </div>
  );
}
