import type { PlaceOrder, Rejection } from '@shared/dto/trading';
import { validateOrderClass } from './order-class-validation';
import {
  checkLot,
  checkTicks,
  checkTimeInForce,
  checkTrailPercent,
  firstOf,
  FIELDS_OF,
  invalid,
  PRICE_FIELDS,
  type ValidationInstrument,
} from './validation-support';

export type { ValidationInstrument } from './validation-support';
export { validateReplace } from './replace-validation';

/**
 * Semantic checks on a new order (the zod schema has already checked the formats). The first
 * problem found is returned as an 'invalid_order' rejection naming the field; null when valid.
 */
export function validatePlaceOrder(request: PlaceOrder, instrument: ValidationInstrument | null): Rejection | null {
  if (instrument === null) return invalid(`Unknown symbol ${request.symbol}`);
  if (instrument.assetClass === 'index') return invalid(`${request.symbol} is an index and cannot be traded`);
  return firstOf([
    () => checkSize(request),
    () => checkTypeFields(request),
    () => checkTimeInForce(request.type, request.timeInForce),
    () => checkExtendedHours(request),
    () => validateOrderClass(request, instrument),
    () => checkTicks(PRICE_FIELDS.filter((field) => field !== 'trailPercent').map((field) => [field, request[field]]), instrument.tickSize),
    () => checkLot(request.symbol, request.quantity, instrument.lotSize),
  ]);
}

/** Exactly one of quantity and notional; notional only for simple market day orders (Alpaca's rule). */
function checkSize(request: PlaceOrder): Rejection | null {
  if ((request.quantity === undefined) === (request.notional === undefined)) return invalid('Give exactly one of quantity and notional');
  if (request.notional === undefined) return null;
  if (request.type === 'market' && request.timeInForce === 'day' && request.orderClass === 'simple') return null;
  return invalid('notional is only for simple market orders with timeInForce day; give a quantity instead');
}

function checkTypeFields(request: PlaceOrder): Rejection | null {
  const allowed = FIELDS_OF[request.type];
  for (const field of PRICE_FIELDS) {
    if (request[field] !== undefined && !allowed.has(field)) return invalid(`A ${request.type} order takes no ${field}`);
  }
  if (request.type === 'trailing_stop') {
    if ((request.trailAmount === undefined) === (request.trailPercent === undefined)) {
      return invalid('A trailing_stop order needs exactly one of trailAmount and trailPercent');
    }
    return checkTrailPercent(request.trailPercent);
  }
  for (const field of allowed) {
    if (request[field] === undefined) return invalid(`A ${request.type} order needs a ${field}`);
  }
  return null;
}

/** Extended hours: limit orders only, day or gtc, simple class (no legs outside the session). */
function checkExtendedHours(request: PlaceOrder): Rejection | null {
  if (!request.extendedHours) return null;
  if (request.type !== 'limit') return invalid(`extendedHours is only for limit orders, not ${request.type}`);
  if (request.timeInForce !== 'day' && request.timeInForce !== 'gtc') {
    return invalid(`extendedHours needs timeInForce day or gtc, not ${request.timeInForce}`);
  }
  if (request.orderClass !== 'simple') return invalid(`extendedHours is only for simple orders, not ${request.orderClass}`);
  return null;
}
