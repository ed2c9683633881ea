import type { Rejection, ReplaceOrder } from '@shared/dto/trading';
import { isOpen, type Order } from '../model/order';
import {
  aOrAn,
  checkLot,
  checkTicks,
  checkTimeInForce,
  checkTrailPercent,
  FIELDS_OF,
  firstOf,
  invalid,
  PRICE_FIELDS,
  type ValidationInstrument,
} from './validation-support';

/**
 * Checks a modification of a working order: it must be open, change something, and name only
 * fields its type uses (a trailing stop keeps its kind of trail). The new total quantity must be
 * more than what has already filled: equal would leave nothing to work (cancel instead). With
 * the instrument, prices and quantity are held to the tick and lot sizes too.
 */
export function validateReplace(order: Order, patch: ReplaceOrder, instrument?: ValidationInstrument | null): Rejection | null {
  if (!isOpen(order)) return invalid(`Order ${order.id} is ${order.status}; only open orders can be replaced`);
  const changes = [...PRICE_FIELDS, 'quantity', 'timeInForce'] as const;
  if (changes.every((field) => patch[field] === undefined)) {
    return invalid('Nothing to replace: give quantity, limitPrice, stopPrice, trailAmount, trailPercent or timeInForce');
  }
  return firstOf([
    () => checkReplaceFields(order, patch),
    () => checkReplaceTimeInForce(order, patch),
    () => checkReplaceQuantity(order, patch),
    () => {
      if (!instrument) return null;
      const prices = [['limitPrice', patch.limitPrice], ['stopPrice', patch.stopPrice], ['trailAmount', patch.trailAmount]] as const;
      return checkTicks(prices, instrument.tickSize);
    },
    () => (instrument ? checkLot(order.symbol, patch.quantity, instrument.lotSize) : null),
  ]);
}

function checkReplaceFields(order: Order, patch: ReplaceOrder): Rejection | null {
  const allowed = FIELDS_OF[order.type];
  for (const field of PRICE_FIELDS) {
    if (patch[field] !== undefined && !allowed.has(field)) return invalid(`A ${order.type} order has no ${field} to replace`);
  }
  if (patch.trailAmount !== undefined && order.trailAmount === null) {
    return invalid('This trailing stop trails by percent; replace trailPercent, not trailAmount');
  }
  if (patch.trailPercent !== undefined && order.trailPercent === null) {
    return invalid('This trailing stop trails by amount; replace trailAmount, not trailPercent');
  }
  return checkTrailPercent(patch.trailPercent);
}

function checkReplaceTimeInForce(order: Order, patch: ReplaceOrder): Rejection | null {
  const tif = patch.timeInForce;
  if (tif === undefined || tif === 'day' || tif === 'gtc') return null;
  if (order.orderClass !== 'simple') return invalid(`${aOrAn(order.orderClass)} order needs timeInForce day or gtc, not ${tif}`);
  if (order.extendedHours) return invalid(`extendedHours needs timeInForce day or gtc, not ${tif}`);
  return checkTimeInForce(order.type, tif);
}

function checkReplaceQuantity(order: Order, patch: ReplaceOrder): Rejection | null {
  if (patch.quantity === undefined || order.filledQuantity.lessThan(patch.quantity)) return null;
  const filled = order.filledQuantity.toFixed();
  return invalid(`New quantity ${patch.quantity} must be more than the ${filled} already filled`, filled, patch.quantity);
}
