import type { PlaceOrderInput } from '@shared/dto/trading';
import { ticketLayout, type TicketForm } from './ticket-form';
import { checkTicket, hasErrors, type TicketErrors } from './ticket-validation';

export type TicketBuild = { ok: true; order: PlaceOrderInput } | { ok: false; errors: TicketErrors };

/**
 * The ticket as the contract's PlaceOrder: only the fields the chosen type and class use, every
 * amount as a canonical decimal string. An OCO is sent as its take-profit limit with the
 * stop-loss as the other leg (the engine's and Alpaca's convention).
 */
export function buildOrder(form: TicketForm, symbol: string): TicketBuild {
  const { errors, amounts } = checkTicket(form);
  if (hasErrors(errors)) return { ok: false, errors };
  const layout = ticketLayout(form);
  const order: PlaceOrderInput = {
    symbol,
    side: form.side,
    type: layout.type,
    timeInForce: form.timeInForce,
    extendedHours: layout.extendedHours && form.extendedHours,
    orderClass: form.orderClass,
    source: 'ui',
  };
  if (layout.size === 'notional') order.notional = amounts.notional;
  else order.quantity = amounts.quantity;
  if (layout.limitPrice) order.limitPrice = amounts.limitPrice;
  if (layout.stopPrice) order.stopPrice = amounts.stopPrice;
  if (layout.trailAmount) order.trailAmount = amounts.trailAmount;
  if (layout.trailPercent) order.trailPercent = amounts.trailPercent;
  if (amounts.takeProfitLimit) order.takeProfit = { limitPrice: amounts.takeProfitLimit };
  if (amounts.stopLossStop) {
    order.stopLoss = amounts.stopLossLimit
      ? { stopPrice: amounts.stopLossStop, limitPrice: amounts.stopLossLimit }
      : { stopPrice: amounts.stopLossStop };
  }
  if (form.orderClass === 'oco') order.limitPrice = amounts.takeProfitLimit;
  return { ok: true, order };
}
