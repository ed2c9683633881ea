import { z } from 'zod';

/**
 * Alpaca's Trading API objects as they arrive (docs.alpaca.markets, Trading API v2). Numbers
 * are decimal strings and stay strings here: parse-values.ts turns them into decimals and
 * timestamps exactly. Objects are loose: Alpaca adds fields over time and a new field must
 * not break a live session.
 */
const Dec = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string');
const OptDec = Dec.nullable().optional();
const Stamp = z.string().min(10);
const OptStamp = Stamp.nullable().optional();

export const ALPACA_ORDER_STATUSES = [
  'new',
  'partially_filled',
  'filled',
  'done_for_day',
  'canceled',
  'expired',
  'replaced',
  'pending_cancel',
  'pending_replace',
  'pending_review',
  'accepted',
  'pending_new',
  'accepted_for_bidding',
  'stopped',
  'rejected',
  'suspended',
  'calculated',
  'held',
] as const;

interface AlpacaOrderShape {
  id: string;
  client_order_id: string;
  created_at: string;
  updated_at?: string | null | undefined;
  submitted_at?: string | null | undefined;
  filled_at?: string | null | undefined;
  expired_at?: string | null | undefined;
  canceled_at?: string | null | undefined;
  failed_at?: string | null | undefined;
  replaced_at?: string | null | undefined;
  replaced_by?: string | null | undefined;
  replaces?: string | null | undefined;
  asset_id?: string | undefined;
  symbol: string;
  asset_class?: string | undefined;
  notional?: string | null | undefined;
  qty?: string | null | undefined;
  filled_qty: string;
  filled_avg_price?: string | null | undefined;
  order_class?: string | undefined;
  order_type?: string | undefined;
  type: string;
  side: 'buy' | 'sell';
  time_in_force: string;
  limit_price?: string | null | undefined;
  stop_price?: string | null | undefined;
  trail_percent?: string | null | undefined;
  trail_price?: string | null | undefined;
  hwm?: string | null | undefined;
  /** One of ALPACA_ORDER_STATUSES, or a status Alpaca adds later (read as still working). */
  status: (typeof ALPACA_ORDER_STATUSES)[number] | (string & {});
  extended_hours?: boolean | undefined;
  legs?: AlpacaOrderShape[] | null | undefined;
}

export const AlpacaOrder: z.ZodType<AlpacaOrderShape> = z.looseObject({
  id: z.string().min(1),
  client_order_id: z.string(),
  created_at: Stamp,
  updated_at: OptStamp,
  submitted_at: OptStamp,
  filled_at: OptStamp,
  expired_at: OptStamp,
  canceled_at: OptStamp,
  failed_at: OptStamp,
  replaced_at: OptStamp,
  replaced_by: z.string().nullable().optional(),
  replaces: z.string().nullable().optional(),
  asset_id: z.string().optional(),
  symbol: z.string().min(1),
  asset_class: z.string().optional(),
  notional: OptDec,
  qty: OptDec,
  filled_qty: Dec,
  filled_avg_price: OptDec,
  order_class: z.string().optional(),
  order_type: z.string().optional(),
  type: z.string(),
  side: z.enum(['buy', 'sell']),
  time_in_force: z.string(),
  limit_price: OptDec,
  stop_price: OptDec,
  trail_percent: OptDec,
  trail_price: OptDec,
  hwm: OptDec,
  status: z.string().min(1),
  extended_hours: z.boolean().optional(),
  get legs() {
    return z.array(AlpacaOrder).nullable().optional();
  },
});
export type AlpacaOrder = AlpacaOrderShape;

export const AlpacaAccount = z.looseObject({
  id: z.string(),
  account_number: z.string().optional(),
  status: z.string(),
  currency: z.string().default('USD'),
  cash: Dec,
  equity: Dec,
  last_equity: Dec.optional(),
  buying_power: Dec,
  portfolio_value: Dec.optional(),
  long_market_value: Dec.optional(),
  short_market_value: Dec.optional(),
  multiplier: z.string().optional(),
  pattern_day_trader: z.boolean().optional(),
  trading_blocked: z.boolean().optional(),
  account_blocked: z.boolean().optional(),
  trade_suspended_by_user: z.boolean().optional(),
  shorting_enabled: z.boolean().optional(),
  // An int in the docs; seen as a string in the wild.
  daytrade_count: z.coerce.number().optional(),
});
export type AlpacaAccount = z.infer<typeof AlpacaAccount>;

export const AlpacaPosition = z.looseObject({
  asset_id: z.string().optional(),
  symbol: z.string(),
  exchange: z.string().optional(),
  asset_class: z.string().optional(),
  qty: Dec,
  qty_available: Dec.optional(),
  side: z.enum(['long', 'short']),
  avg_entry_price: Dec,
  cost_basis: Dec,
  market_value: OptDec,
  current_price: OptDec,
  lastday_price: OptDec,
  unrealized_pl: OptDec,
  unrealized_intraday_pl: OptDec,
});
export type AlpacaPosition = z.infer<typeof AlpacaPosition>;

export const AlpacaClock = z.looseObject({
  timestamp: Stamp,
  is_open: z.boolean(),
  next_open: Stamp,
  next_close: Stamp,
});
export type AlpacaClock = z.infer<typeof AlpacaClock>;

/** One trading day: date YYYY-MM-DD, open and close HH:MM in New York time. */
export const AlpacaCalendarDay = z.looseObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
});
export type AlpacaCalendarDay = z.infer<typeof AlpacaCalendarDay>;

export const AlpacaAsset = z.looseObject({
  id: z.string(),
  class: z.string(),
  exchange: z.string(),
  symbol: z.string(),
  name: z.string().optional(),
  status: z.string(),
  tradable: z.boolean(),
  marginable: z.boolean().optional(),
  shortable: z.boolean().optional(),
  fractionable: z.boolean().optional(),
  min_order_size: OptDec,
  min_trade_increment: OptDec,
  price_increment: OptDec,
});
export type AlpacaAsset = z.infer<typeof AlpacaAsset>;

/** An error body: `{"code": 40310000, "message": "insufficient buying power"}` (extra fields vary). */
export const AlpacaErrorBody = z.looseObject({ code: z.number().optional(), message: z.string() });
export type AlpacaErrorBody = z.infer<typeof AlpacaErrorBody>;

export const TRADE_UPDATE_EVENTS = [
  'new',
  'fill',
  'partial_fill',
  'canceled',
  'expired',
  'done_for_day',
  'replaced',
  'rejected',
  'pending_new',
  'stopped',
  'pending_cancel',
  'pending_replace',
  'calculated',
  'suspended',
  'order_replace_rejected',
  'order_cancel_rejected',
  'held',
  'accepted',
  'trade_bust',
  'trade_correct',
] as const;

/** `data` of a `{"stream":"trade_updates","data":{…}}` message. fill/partial_fill carry the execution. */
export const TradeUpdate = z.looseObject({
  event: z.string(),
  execution_id: z.string().optional(),
  order: AlpacaOrder,
  timestamp: OptStamp,
  price: OptDec,
  qty: OptDec,
  position_qty: OptDec,
});
export type TradeUpdate = z.infer<typeof TradeUpdate>;

/** POST /v2/orders body: numbers as strings, as Alpaca's docs show them. */
export interface AlpacaOrderRequest {
  symbol: string;
  qty?: string;
  notional?: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop' | 'stop_limit' | 'trailing_stop';
  time_in_force: 'day' | 'gtc' | 'opg' | 'cls' | 'ioc' | 'fok';
  limit_price?: string;
  stop_price?: string;
  trail_price?: string;
  trail_percent?: string;
  extended_hours?: boolean;
  client_order_id: string;
  order_class?: 'simple' | 'bracket' | 'oco' | 'oto';
  take_profit?: { limit_price: string };
  stop_loss?: { stop_price: string; limit_price?: string };
}

/** PATCH /v2/orders/{id} body: the replacement's fields; it gets a new id. */
export interface AlpacaReplaceRequest {
  qty?: string;
  time_in_force?: string;
  limit_price?: string;
  stop_price?: string;
  trail?: string;
  client_order_id?: string;
}

/** One entry of DELETE /v2/orders's 207 answer: the order id and the HTTP status of its cancel. */
export const AlpacaCancelStatus = z.looseObject({
  id: z.string(),
  status: z.number().int(),
  body: z.unknown().optional(),
});
export type AlpacaCancelStatus = z.infer<typeof AlpacaCancelStatus>;

/** One execution from GET /v2/account/activities/FILL: Alpaca's record of each fill, exact. */
export const AlpacaFillActivity = z.looseObject({
  activity_type: z.literal('FILL'),
  id: z.string().min(1),
  transaction_time: Stamp,
  type: z.string(),
  price: Dec,
  qty: Dec,
  side: z.string(),
  symbol: z.string(),
  leaves_qty: Dec.optional(),
  order_id: z.string().min(1),
  cum_qty: Dec,
});
export type AlpacaFillActivity = z.infer<typeof AlpacaFillActivity>;
