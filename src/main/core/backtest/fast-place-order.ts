import { DECIMAL_PATTERN as DECIMAL, SYMBOL_PATTERN as SYMBOL } from '@shared/dto/market-data';
import { CLIENT_ORDER_ID_PATTERN as CLIENT_ID, TimeInForce, type PlaceOrder } from '@shared/dto/trading';
import type { StrategyOrder } from '../strategy/strategy-api';

// The schema's own patterns: SymbolCode, DecimalString + PositiveDecimal, ClientOrderId, TimeInForce.
const NON_ZERO = /[1-9]/;
const TIME_IN_FORCE: ReadonlySet<string> = new Set(TimeInForce.options);
const KEYS = new Set(['symbol', 'side', 'type', 'quantity', 'limitPrice', 'timeInForce', 'clientOrderId']);

function positive(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value) && !value.startsWith('-') && NON_ZERO.test(value);
}

/**
 * What `PlaceOrder.parse` gives for the common strategy order, a plain market or limit order
 * by quantity (symbol, side, type, quantity, optional limitPrice, timeInForce), without zod's
 * per-call cost; null for anything else, which then takes the schema itself. Every check is
 * the schema's; the tests compare both on valid and invalid orders.
 */
export function fastPlaceOrder(input: StrategyOrder, clientOrderId: string): PlaceOrder | null {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return null;
  for (const key in input) if (!KEYS.has(key) || (input as Record<string, unknown>)[key] === undefined) return null;
  const { symbol, side, type, quantity, limitPrice, timeInForce } = input;
  if (typeof symbol !== 'string' || !SYMBOL.test(symbol) || (side !== 'buy' && side !== 'sell')) return null;
  if (!CLIENT_ID.test(clientOrderId) || !positive(quantity)) return null;
  if (timeInForce !== undefined && !TIME_IN_FORCE.has(timeInForce)) return null;
  if (type === 'market' && limitPrice === undefined) {
    return { clientOrderId, symbol, side, type, timeInForce: timeInForce ?? 'day', quantity, extendedHours: false, orderClass: 'simple', source: 'strategy' };
  }
  if (type === 'limit' && positive(limitPrice)) {
    return { clientOrderId, symbol, side, type, timeInForce: timeInForce ?? 'day', quantity, limitPrice, extendedHours: false, orderClass: 'simple', source: 'strategy' };
  }
  return null;
}
