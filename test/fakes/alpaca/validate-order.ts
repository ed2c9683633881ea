import { Decimal } from '@shared/money/decimal';
import { ORDER_CLASSES, ORDER_TYPES, TIMES_IN_FORCE, type OrderTerms } from './order-model';

/**
 * POST /v2/orders checks, in Alpaca's terms. Status codes and `code` values follow the docs
 * and observed bodies (see the header of fake-alpaca-server.ts); the message texts of the
 * field checks are the fake's own wording, since Alpaca does not publish them.
 */
export interface ParsedOrder extends OrderTerms {
  clientOrderId: string | null;
  takeProfit: { limitPrice: Decimal } | null;
  stopLoss: { stopPrice: Decimal; limitPrice: Decimal | null } | null;
}

export interface ApiError {
  status: number;
  body: { code: number; message: string } & Record<string, unknown>;
}

export const apiError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}): ApiError => ({
  status,
  body: { ...extra, code, message },
});

const invalid = (message: string) => apiError(422, 40010001, message);


class Invalid extends Error {
  constructor(readonly error: ApiError) {
    super(error.body.message);
  }
}

/** A decimal from a JSON string or number (Alpaca takes both); null when absent. */
export function decimalField(body: Record<string, unknown>, name: string): Decimal | null {
  const raw = body[name];
  if (raw === undefined || raw === null || raw === '') return null;
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^-?\d+(\.\d+)?$/.test(text)) throw new Invalid(invalid(`invalid ${name}`));
  return new Decimal(text);
}

function oneOf<T extends string>(body: Record<string, unknown>, name: string, allowed: readonly T[], fallback?: T): T {
  const raw = body[name];
  if ((raw === undefined || raw === '') && fallback !== undefined) return fallback;
  if (raw === undefined) throw new Invalid(invalid(`${name} is required`));
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) throw new Invalid(invalid(`invalid ${name}`));
  return raw as T;
}

/** Docs ("Sub-penny increments"): ≥ $1 two decimals, below four; 42210000 with this message. */
function checkSubPenny(name: string, value: Decimal | null): void {
  if (value === null) return;
  const max = value.greaterThanOrEqualTo(1) ? 2 : 4;
  if (value.decimalPlaces() > max) {
    throw new Invalid(apiError(422, 42210000, `invalid ${name} ${value.toFixed()}. sub-penny increment does not fulfill minimum pricing criteria`));
  }
}

export function parseOrderBody(body: unknown): { ok: true; order: ParsedOrder } | { ok: false; error: ApiError } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: apiError(400, 40010000, 'request body format is invalid') };
  }
  try {
    return { ok: true, order: parse(body as Record<string, unknown>) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.error };
    throw e;
  }
}

function parse(body: Record<string, unknown>): ParsedOrder {
  if (typeof body.symbol !== 'string' || body.symbol === '') throw new Invalid(invalid('symbol is required'));
  const side = oneOf(body, 'side', ['buy', 'sell'] as const);
  const type = oneOf(body, 'type', ORDER_TYPES);
  const timeInForce = oneOf(body, 'time_in_force', TIMES_IN_FORCE);
  const orderClass = oneOf(body, 'order_class', ORDER_CLASSES, 'simple');
  const order: ParsedOrder = {
    symbol: body.symbol.toUpperCase(),
    side,
    type,
    timeInForce,
    orderClass,
    qty: decimalField(body, 'qty'),
    notional: decimalField(body, 'notional'),
    limitPrice: decimalField(body, 'limit_price'),
    stopPrice: decimalField(body, 'stop_price'),
    trailPrice: decimalField(body, 'trail_price'),
    trailPercent: decimalField(body, 'trail_percent'),
    extendedHours: body.extended_hours === true,
    clientOrderId: parseClientOrderId(body.client_order_id),
    takeProfit: null,
    stopLoss: null,
  };
  checkAmounts(order);
  parseLegs(body, order);
  checkPrices(order);
  return order;
}

function parseClientOrderId(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') throw new Invalid(invalid('invalid client_order_id'));
  // Observed on paper: {"code":40010001,"message":"client_order_id must be no more than 128 characters"}.
  if (raw.length > 128) throw new Invalid(invalid('client_order_id must be no more than 128 characters'));
  return raw;
}

function checkAmounts(o: ParsedOrder): void {
  if (o.qty !== null && o.notional !== null) throw new Invalid(invalid('qty and notional must not both be specified'));
  if (o.qty === null && o.notional === null) throw new Invalid(invalid('qty or notional is required'));
  if (o.qty !== null && o.qty.lessThanOrEqualTo(0)) throw new Invalid(invalid('qty must be > 0'));
  if (o.notional !== null && o.notional.lessThanOrEqualTo(0)) throw new Invalid(invalid('notional must be > 0'));
  if (o.notional !== null && o.timeInForce !== 'day') throw new Invalid(invalid('notional orders must be day orders'));
}

function checkPrices(o: ParsedOrder): void {
  const needsLimit = o.type === 'limit' || o.type === 'stop_limit';
  const needsStop = o.type === 'stop' || o.type === 'stop_limit';
  if (needsLimit && o.limitPrice === null) throw new Invalid(invalid('limit_price is required'));
  if (needsStop && o.stopPrice === null) throw new Invalid(invalid('stop_price is required'));
  if (!needsLimit && o.limitPrice !== null) throw new Invalid(invalid(`limit_price must not be specified for ${o.type} orders`));
  if (!needsStop && o.type !== 'trailing_stop' && o.stopPrice !== null) throw new Invalid(invalid(`stop_price must not be specified for ${o.type} orders`));
  if (o.type === 'trailing_stop') {
    if ((o.trailPrice === null) === (o.trailPercent === null)) throw new Invalid(invalid('exactly one of trail_price or trail_percent is required'));
    if (o.timeInForce !== 'day' && o.timeInForce !== 'gtc') throw new Invalid(invalid('trailing_stop orders must be day or gtc'));
  } else if (o.trailPrice !== null || o.trailPercent !== null) {
    throw new Invalid(invalid('trail_price and trail_percent are only for trailing_stop orders'));
  }
  // Docs ("Extended Hours Trading"): only limit + day orders may be extended-hours eligible.
  if (o.extendedHours && (o.type !== 'limit' || o.timeInForce !== 'day')) {
    throw new Invalid(invalid('extended hours order must be DAY limit orders'));
  }
  checkSubPenny('limit_price', o.limitPrice);
  checkSubPenny('stop_price', o.stopPrice);
}

/** Docs ("Bracket Orders", "OCO Orders", "OTO Orders") on take_profit / stop_loss. */
function parseLegs(body: Record<string, unknown>, o: ParsedOrder): void {
  const tp = body.take_profit;
  const sl = body.stop_loss;
  if (typeof tp === 'object' && tp !== null) {
    const limitPrice = decimalField(tp as Record<string, unknown>, 'limit_price');
    if (limitPrice === null) throw new Invalid(invalid('take_profit.limit_price is required'));
    checkSubPenny('limit_price', limitPrice);
    o.takeProfit = { limitPrice };
    // An OCO order's own limit is its take-profit (docs: the body carries no top-level limit_price).
    if (o.orderClass === 'oco') o.limitPrice ??= limitPrice;
  }
  if (typeof sl === 'object' && sl !== null) {
    const stopPrice = decimalField(sl as Record<string, unknown>, 'stop_price');
    if (stopPrice === null) throw new Invalid(invalid('stop_loss.stop_price is required'));
    const limitPrice = decimalField(sl as Record<string, unknown>, 'limit_price');
    checkSubPenny('stop_price', stopPrice);
    checkSubPenny('limit_price', limitPrice);
    o.stopLoss = { stopPrice, limitPrice };
  }
  if (o.orderClass === 'simple') {
    if (o.takeProfit !== null || o.stopLoss !== null) throw new Invalid(invalid('take_profit and stop_loss need order_class bracket, oco or oto'));
    return;
  }
  if (o.notional !== null) throw new Invalid(invalid(`notional is not supported for ${o.orderClass} orders`));
  if (o.extendedHours) throw new Invalid(invalid(`extended hours are not supported for ${o.orderClass} orders`));
  if (o.timeInForce !== 'day' && o.timeInForce !== 'gtc') throw new Invalid(invalid(`${o.orderClass} orders must be day or gtc`));
  const both = o.takeProfit !== null && o.stopLoss !== null;
  if ((o.orderClass === 'bracket' || o.orderClass === 'oco') && !both) {
    throw new Invalid(invalid(`${o.orderClass} orders require take_profit.limit_price and stop_loss.stop_price`));
  }
  if (o.orderClass === 'oto' && (o.takeProfit === null) === (o.stopLoss === null)) {
    throw new Invalid(invalid('oto orders require exactly one of take_profit or stop_loss'));
  }
  if (o.orderClass === 'oco' && o.type !== 'limit') throw new Invalid(invalid('oco orders must be limit orders'));
  if (both) {
    const tpAbove = o.takeProfit!.limitPrice.greaterThan(o.stopLoss!.stopPrice);
    // Buy entry exits by selling: take-profit above the stop; a sell entry the other way round.
    const exitsBySelling = o.orderClass === 'oco' ? o.side === 'sell' : o.side === 'buy';
    if (tpAbove !== exitsBySelling) {
      throw new Invalid(invalid('take_profit.limit_price must be on the profitable side of stop_loss.stop_price'));
    }
  }
}
