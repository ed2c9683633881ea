import { SYMBOL_PATTERN as SYMBOL } from '@shared/dto/market-data';
import { CLIENT_ORDER_ID_PATTERN as CLIENT_ID, TimeInForce, type OrderSide } from '@shared/dto/trading';
import type { StrategyOrder } from '../strategy/strategy-api';
import { SAFE } from './scaled';

// The schema's own SymbolCode, ClientOrderId and TimeInForce.
const TIME_IN_FORCE: ReadonlySet<string> = new Set(TimeInForce.options);

/** The last symbol that passed SYMBOL: a strategy sends most orders for the same few symbols. */
let symbolPassed = '';

/**
 * parseUnits(text, k) for a string that passes the schema's positive DecimalString
 * (/^-?\d{1,20}(\.\d{1,18})?$/, no '-', a digit 1–9), when that is a positive whole number of
 * 10^-k units within SAFE; null for every other string. One pass over the characters, no
 * regex, no substrings: digits are summed exactly (a partial sum above SAFE gives null, as
 * Number() of the digits would then be above SAFE too).
 */
export function positiveUnits(text: string, k: number): number | null {
  const n = text.length;
  let i = 0;
  let units = 0;
  let nonZero = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (c !== 48) nonZero = true;
    units = units * 10 + (c - 48);
    i += 1;
  }
  if (i === 0 || i > 20) return null;
  let places = 0;
  let zeros = 0; // fraction zeros not yet counted in units (they count only when a digit follows)
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return null;
    const start = i + 1;
    for (i = start; i < n; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return null;
      if (c === 48) {
        zeros += 1;
        continue;
      }
      nonZero = true;
      places += zeros + 1;
      if (places > k) return null;
      for (; zeros > 0; zeros -= 1) units *= 10;
      units = units * 10 + (c - 48);
      if (units > SAFE) return null;
    }
    if (i - start < 1 || i - start > 18) return null;
  }
  if (!nonZero || units > SAFE) return null;
  for (; places < k; places += 1) units *= 10;
  return units <= SAFE ? units : null;
}

/** The fields of a strategy order the fast lane takes, in its units (a slot reused from order to order). */
export class QuickOrder {
  symbol = '';
  side: OrderSide = 'buy';
  /** Ticks; NaN for a market order. */
  limit = Number.NaN;
  timeInForce: 'day' | 'gtc' = 'day';
  units = 0;
}

function knownKey(key: string): boolean {
  switch (key) {
    case 'symbol':
    case 'side':
    case 'type':
    case 'quantity':
    case 'limitPrice':
    case 'timeInForce':
    case 'clientOrderId':
      return true;
    default:
      return false;
  }
}

/**
 * True, with `out` filled in, exactly when fastPlaceOrder(input, clientOrderId) gives an
 * order with timeInForce day or gtc whose quantity is a positive whole number of units
 * (lot 1) and whose limit, if any, a positive whole number of ticks of 10^-places, all within
 * SAFE: the orders the fast lane's screen goes on with. Skips the client id pattern when the
 * id is one the broker made (`bt-<n>` always matches it). fast-lane.test.ts compares the two.
 */
export function quickOrder(input: StrategyOrder, clientOrderId: string, madeId: boolean, places: number, out: QuickOrder): boolean {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return false;
  for (const key in input) if (!knownKey(key) || (input as Record<string, unknown>)[key] === undefined) return false;
  const { symbol, side, type, quantity, limitPrice, timeInForce } = input;
  if (typeof symbol !== 'string' || (side !== 'buy' && side !== 'sell')) return false;
  if (symbol !== symbolPassed) {
    if (!SYMBOL.test(symbol)) return false;
    symbolPassed = symbol;
  }
  if ((!madeId && !CLIENT_ID.test(clientOrderId)) || typeof quantity !== 'string') return false;
  if (timeInForce !== undefined && !TIME_IN_FORCE.has(timeInForce)) return false;
  const tif = timeInForce ?? 'day';
  if (tif !== 'day' && tif !== 'gtc') return false;
  const units = positiveUnits(quantity, 0);
  if (units === null) return false;
  let limit = Number.NaN;
  if (type === 'limit') {
    if (typeof limitPrice !== 'string') return false;
    const ticks = positiveUnits(limitPrice, places);
    if (ticks === null) return false;
    limit = ticks;
  } else if (type !== 'market' || limitPrice !== undefined) return false;
  out.symbol = symbol;
  out.side = side;
  out.limit = limit;
  out.timeInForce = tif;
  out.units = units;
  return true;
}
