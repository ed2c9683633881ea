import type { ReactElement } from 'react';
import { OrderClass, OrderType, TimeInForce } from '@shared/dto/trading';
import { ORDER_CLASS_LABELS, ORDER_TYPE_LABELS, TIF_LABELS } from './ticket-form';
import type { TicketSectionProps } from './ticket-section';

/** Order type, time in force and order class: three selects. */
export function TypeFields({ form, layout, errors, edit }: TicketSectionProps): ReactElement {
  return (
    <div className="ticket-row ticket-selects">
      <div className="ticket-field">
        <label htmlFor="ticket-type">Type</label>
        <select
          id="ticket-type"
          data-testid="ticket-type"
          value={layout.type}
          disabled={layout.typeLocked}
          title={layout.typeLocked ? 'An OCO is a limit order: its price is the take-profit' : undefined}
          onChange={(event) => {
            const type = OrderType.safeParse(event.target.value);
            if (type.success) edit({ type: type.data });
          }}
        >
          {OrderType.options.map((type) => (
            <option key={type} value={type}>
              {ORDER_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="ticket-field" data-invalid={errors.timeInForce ? 'true' : undefined}>
        <label htmlFor="ticket-tif">Time in force</label>
        <select
          id="ticket-tif"
          data-testid="ticket-tif"
          value={form.timeInForce}
          aria-invalid={errors.timeInForce ? true : undefined}
          onChange={(event) => {
            const tif = TimeInForce.safeParse(event.target.value);
            if (tif.success) edit({ timeInForce: tif.data });
          }}
        >
          {TimeInForce.options.map((tif) => (
            <option key={tif} value={tif}>
              {TIF_LABELS[tif]}
            </option>
          ))}
        </select>
        {errors.timeInForce && <p className="ticket-error" data-testid="ticket-tif-error">{errors.timeInForce}</p>}
      </div>
      <div className="ticket-field" data-invalid={errors.orderClass ? 'true' : undefined}>
        <label htmlFor="ticket-class">Class</label>
        <select
          id="ticket-class"
          data-testid="ticket-class"
          value={form.orderClass}
          aria-invalid={errors.orderClass ? true : undefined}
          onChange={(event) => {
            const orderClass = OrderClass.safeParse(event.target.value);
            if (orderClass.success) edit({ orderClass: orderClass.data });
          }}
        >
          {OrderClass.options.map((orderClass) => (
            <option key={orderClass} value={orderClass}>
              {ORDER_CLASS_LABELS[orderClass]}
            </option>
          ))}
        </select>
        {errors.orderClass && <p className="ticket-error" data-testid="ticket-class-error">{errors.orderClass}</p>}
      </div>
    </div>
  );
}
