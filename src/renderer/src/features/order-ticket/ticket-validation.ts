import type { OrderSide } from '@shared/dto/trading';
import { compareAmounts, parsePositiveAmount, type ParsedAmount } from './decimal-input';
import { ticketLayout, type TicketForm, type TicketLayout } from './ticket-form';

/** The fields a message can be attached to. */
export type TicketField =
  | 'quantity'
  | 'notional'
  | 'limitPrice'
  | 'stopPrice'
  | 'trailAmount'
  | 'trailPercent'
  | 'timeInForce'
  | 'extendedHours'
  | 'orderClass'
  | 'takeProfitLimit'
  | 'stopLossStop'
  | 'stopLossLimit';

export type TicketErrors = Partial<Record<TicketField, string>>;

/** The amounts of a form that passed, as canonical decimal strings (only those the order uses). */
export type TicketAmounts = Partial<Record<Exclude<TicketField, 'timeInForce' | 'extendedHours' | 'orderClass'>, string>>;

const LABELS = {
  quantity: 'Quantity',
  notional: 'Notional',
  limitPrice: 'Limit price',
  stopPrice: 'Stop price',
  trailAmount: 'Trail amount',
  trailPercent: 'Trail percent',
  takeProfitLimit: 'Take-profit limit',
  stopLossStop: 'Stop-loss stop',
  stopLossLimit: 'Stop-loss limit',
} as const satisfies Record<keyof TicketAmounts, string>;

/**
 * Checks the ticket before anything is sent: each message sits on the field it is about.
 * The engine checks again (and runs the risk rules); this only catches what the form can see.
 */
export function checkTicket(form: TicketForm): { errors: TicketErrors; amounts: TicketAmounts } {
  const layout = ticketLayout(form);
  const errors: TicketErrors = {};
  const amounts: TicketAmounts = {};
  const read = (field: keyof TicketAmounts, parse: (text: string, label: string) => ParsedAmount = parsePositiveAmount): void => {
    const parsed = parse(form[field], LABELS[field]);
    if (parsed.ok) amounts[field] = parsed.value;
    else errors[field] = parsed.message;
  };

  read(layout.size);
  if (layout.limitPrice) read('limitPrice');
  if (layout.stopPrice) read('stopPrice');
  if (layout.trailAmount) read('trailAmount');
  if (layout.trailPercent) read('trailPercent', parsePercent);
  if (layout.takeProfit && (form.orderClass !== 'oto' || form.takeProfitLimit.trim() !== '')) read('takeProfitLimit');
  if (layout.stopLoss && (form.orderClass !== 'oto' || form.stopLossStop.trim() !== '')) read('stopLossStop');
  if (layout.stopLoss && form.stopLossLimit.trim() !== '') {
    read('stopLossLimit');
    if (form.stopLossStop.trim() === '') errors.stopLossStop = 'Stop-loss stop is required with a stop-loss limit';
  }

  const tif = timeInForceError(form, layout);
  if (tif) errors.timeInForce = tif;
  if (layout.extendedHours && form.extendedHours && form.timeInForce !== 'day' && form.timeInForce !== 'gtc') {
    errors.extendedHours = 'Extended hours needs a day or GTC limit order';
  }
  const orderClass = orderClassError(form);
  if (orderClass) errors.orderClass = orderClass;
  Object.assign(errors, legOrderErrors(form, amounts, errors));
  return { errors, amounts };
}

export function validateTicket(form: TicketForm): TicketErrors {
  return checkTicket(form).errors;
}

export function hasErrors(errors: TicketErrors): boolean {
  return Object.values(errors).some((message) => message !== undefined);
}

/**
 * The messages to show: a field's message once it holds text (the user is typing there), and
 * every message after a send was tried, so an empty required field is not shouted at on sight.
 */
export function visibleErrors(errors: TicketErrors, form: TicketForm, sendTried: boolean): TicketErrors {
  if (sendTried) return errors;
  const shown: TicketErrors = {};
  for (const [field, message] of Object.entries(errors) as [TicketField, string][]) {
    const value = form[field];
    if (typeof value !== 'string' || value.trim() !== '') shown[field] = message;
  }
  return shown;
}

function parsePercent(text: string, label: string): ParsedAmount {
  const parsed = parsePositiveAmount(text, label);
  if (parsed.ok && compareAmounts(parsed.value, '100') >= 0) return { ok: false, message: `${label} must be below 100` };
  return parsed;
}

function timeInForceError(form: TicketForm, layout: TicketLayout): string | null {
  const tif = form.timeInForce;
  if ((tif === 'opg' || tif === 'cls') && layout.type !== 'market' && layout.type !== 'limit') {
    return 'At the open or close takes market and limit orders only';
  }
  const dayOrGtc = tif === 'day' || tif === 'gtc';
  if (layout.type === 'trailing_stop' && !dayOrGtc) return 'A trailing stop is day or GTC';
  if (form.orderClass !== 'simple' && !dayOrGtc) return `A ${form.orderClass === 'bracket' ? 'bracket' : form.orderClass.toUpperCase()} order is day or GTC`;
  return null;
}

function orderClassError(form: TicketForm): string | null {
  if (form.orderClass === 'simple') return null;
  if (form.orderClass !== 'oco' && form.type === 'trailing_stop') return 'A trailing stop entry cannot carry exit legs';
  if (form.orderClass !== 'oto') return null;
  const takeProfit = form.takeProfitLimit.trim() !== '';
  const stopLoss = form.stopLossStop.trim() !== '';
  if (!takeProfit && !stopLoss) return 'An OTO needs one exit: a take-profit or a stop-loss';
  if (takeProfit && stopLoss) return 'An OTO has one exit: clear the take-profit or the stop-loss';
  return null;
}

const opposite = (side: OrderSide): OrderSide => (side === 'buy' ? 'sell' : 'buy');

/** Exits must sit on the right sides: a sell exit takes profit above its stop (and above a buy's entry). */
function legOrderErrors(form: TicketForm, amounts: TicketAmounts, errors: TicketErrors): TicketErrors {
  if (form.orderClass === 'simple') return {};
  const exitSide = form.orderClass === 'oco' ? form.side : opposite(form.side);
  const sign = exitSide === 'sell' ? 1 : -1;
  const word = exitSide === 'sell' ? 'above' : 'below';
  const other = exitSide === 'sell' ? 'below' : 'above';
  const found: TicketErrors = {};
  const { takeProfitLimit: tp, stopLossStop: sl, limitPrice: entry } = amounts;
  if (tp && sl && !errors.takeProfitLimit && compareAmounts(tp, sl) * sign <= 0) {
    found.takeProfitLimit = `Take-profit must be ${word} the stop-loss for a ${exitSide} exit`;
  }
  if (form.orderClass === 'oco' || !entry) return found;
  if (tp && !found.takeProfitLimit && compareAmounts(tp, entry) * sign <= 0) {
    found.takeProfitLimit = `Take-profit must be ${word} the entry limit price`;
  }
  if (sl && compareAmounts(sl, entry) * sign >= 0) found.stopLossStop = `Stop-loss must be ${other} the entry limit price`;
  return found;
}
