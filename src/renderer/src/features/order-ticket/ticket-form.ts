import type { OrderClass, OrderSide, OrderType, TimeInForce } from '@shared/dto/trading';

export type SizeMode = 'quantity' | 'notional';
export type TrailMode = 'amount' | 'percent';

/**
 * What the ticket edits. Every amount is the text the user typed: it becomes a decimal string
 * only in `buildOrder`, so nothing is lost or rounded while typing and a failure keeps it all.
 */
export interface TicketForm {
  side: OrderSide;
  type: OrderType;
  sizeMode: SizeMode;
  quantity: string;
  notional: string;
  limitPrice: string;
  stopPrice: string;
  trailMode: TrailMode;
  trailAmount: string;
  trailPercent: string;
  timeInForce: TimeInForce;
  extendedHours: boolean;
  orderClass: OrderClass;
  takeProfitLimit: string;
  stopLossStop: string;
  stopLossLimit: string;
}

export const EMPTY_TICKET: TicketForm = {
  side: 'buy',
  type: 'market',
  sizeMode: 'quantity',
  quantity: '',
  notional: '',
  limitPrice: '',
  stopPrice: '',
  trailMode: 'amount',
  trailAmount: '',
  trailPercent: '',
  timeInForce: 'day',
  extendedHours: false,
  orderClass: 'simple',
  takeProfitLimit: '',
  stopLossStop: '',
  stopLossLimit: '',
};

export const ORDER_TYPE_LABELS: Record<OrderType, string> = {
  market: 'Market',
  limit: 'Limit',
  stop: 'Stop',
  stop_limit: 'Stop limit',
  trailing_stop: 'Trailing stop',
};

export const TIF_LABELS: Record<TimeInForce, string> = {
  day: 'Day',
  gtc: 'GTC',
  ioc: 'IOC',
  fok: 'FOK',
  opg: 'At the open (OPG)',
  cls: 'At the close (CLS)',
};

export const ORDER_CLASS_LABELS: Record<OrderClass, string> = {
  simple: 'Simple',
  bracket: 'Bracket',
  oto: 'OTO',
  oco: 'OCO',
};

/** Which price fields an order type uses. */
const PRICES: Record<OrderType, { limit: boolean; stop: boolean; trail: boolean }> = {
  market: { limit: false, stop: false, trail: false },
  limit: { limit: true, stop: false, trail: false },
  stop: { limit: false, stop: true, trail: false },
  stop_limit: { limit: true, stop: true, trail: false },
  trailing_stop: { limit: false, stop: false, trail: true },
};

/** What the ticket shows for the current choices. */
export interface TicketLayout {
  /** The type sent: an OCO is always a limit (its take-profit), as Alpaca has it. */
  type: OrderType;
  /** The type select is fixed (OCO). */
  typeLocked: boolean;
  /** Notional can be picked: market orders for the day only. */
  notionalAllowed: boolean;
  size: SizeMode;
  limitPrice: boolean;
  stopPrice: boolean;
  trailAmount: boolean;
  trailPercent: boolean;
  extendedHours: boolean;
  takeProfit: boolean;
  stopLoss: boolean;
}

export function effectiveType(form: Pick<TicketForm, 'type' | 'orderClass'>): OrderType {
  return form.orderClass === 'oco' ? 'limit' : form.type;
}

export function ticketLayout(form: TicketForm): TicketLayout {
  const type = effectiveType(form);
  const prices = PRICES[type];
  const oco = form.orderClass === 'oco';
  const notionalAllowed = type === 'market' && form.timeInForce === 'day';
  const legs = form.orderClass !== 'simple';
  return {
    type,
    typeLocked: oco,
    notionalAllowed,
    size: notionalAllowed && form.sizeMode === 'notional' ? 'notional' : 'quantity',
    // An OCO's limit price is its take-profit leg's.
    limitPrice: prices.limit && !oco,
    stopPrice: prices.stop,
    trailAmount: prices.trail && form.trailMode === 'amount',
    trailPercent: prices.trail && form.trailMode === 'percent',
    extendedHours: type === 'limit' && !oco,
    takeProfit: legs,
    stopLoss: legs,
  };
}

/**
 * The form for another symbol: its prices meant the old instrument, so they go (a 580 limit
 * for one stock is a fat finger on the next); side, type, size and the rest stay.
 */
export function withoutPrices(form: TicketForm): TicketForm {
  return { ...form, limitPrice: '', stopPrice: '', trailAmount: '', takeProfitLimit: '', stopLossStop: '', stopLossLimit: '' };
}
