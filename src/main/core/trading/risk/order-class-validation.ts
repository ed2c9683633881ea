import type { PlaceOrder, Rejection } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import { aOrAn, checkTicks, firstOf, invalid, type ValidationInstrument } from './validation-support';

type Legs = Pick<PlaceOrder, 'orderClass' | 'type' | 'side' | 'timeInForce' | 'limitPrice' | 'takeProfit' | 'stopLoss'>;

/**
 * The legs an order class needs. Follows Alpaca:
 * - simple: no legs.
 * - bracket: a market or limit entry with both takeProfit and stopLoss.
 * - oto: a market or limit entry with exactly one of them.
 * - oco: no entry; the request itself is the take-profit, so its type is limit and its
 *   limitPrice is the take-profit price. A stopLoss is required; takeProfit may be left out,
 *   and when given its limitPrice must equal the order's limitPrice. The side is the exit's
 *   side (sell to protect a long).
 * Multi-leg orders are day or gtc, never extended hours, and not for crypto.
 */
export function validateOrderClass(request: Legs, instrument: ValidationInstrument): Rejection | null {
  const { orderClass, takeProfit, stopLoss } = request;
  if (orderClass === 'simple') {
    return takeProfit || stopLoss ? invalid('A simple order takes no takeProfit or stopLoss; use orderClass bracket, oto or oco') : null;
  }
  return firstOf([
    () => (instrument.assetClass === 'crypto' ? invalid(`${aOrAn(orderClass)} order is not available for crypto; crypto orders are simple`) : null),
    () =>
      request.timeInForce === 'day' || request.timeInForce === 'gtc'
        ? null
        : invalid(`${aOrAn(orderClass)} order needs timeInForce day or gtc, not ${request.timeInForce}`),
    () => checkLegsPresent(request),
    () =>
      checkTicks(
        [
          ['takeProfit.limitPrice', takeProfit?.limitPrice],
          ['stopLoss.stopPrice', stopLoss?.stopPrice],
          ['stopLoss.limitPrice', stopLoss?.limitPrice],
        ],
        instrument.tickSize,
      ),
    () => checkLegPrices(request),
  ]);
}

function checkLegsPresent(request: Legs): Rejection | null {
  const { orderClass, type, takeProfit, stopLoss } = request;
  if (orderClass === 'oco') {
    if (type !== 'limit') return invalid(`An oco order is a limit order (its limitPrice is the take-profit), not ${type}`);
    if (!stopLoss) return invalid('An oco order needs a stopLoss');
    if (takeProfit && !new Decimal(takeProfit.limitPrice).equals(new Decimal(request.limitPrice ?? '0'))) {
      return invalid(`An oco order's takeProfit.limitPrice ${takeProfit.limitPrice} must equal its limitPrice ${request.limitPrice ?? ''}`);
    }
    return null;
  }
  if (type !== 'market' && type !== 'limit') return invalid(`${aOrAn(orderClass)} order's entry must be a market or limit order, not ${type}`);
  if (orderClass === 'bracket' && (!takeProfit || !stopLoss)) return invalid('A bracket order needs both takeProfit and stopLoss');
  if (orderClass === 'oto' && Boolean(takeProfit) === Boolean(stopLoss)) return invalid('An oto order needs exactly one of takeProfit and stopLoss');
  return null;
}

/**
 * Exits must sit on the right sides: protecting a long (a buy bracket/oto, a sell oco), the
 * take-profit is above the stop, and a limit entry lies strictly between them; mirrored for a
 * short. Equal prices are refused.
 */
function checkLegPrices(request: Legs): Rejection | null {
  const isOco = request.orderClass === 'oco';
  const long = isOco ? request.side === 'sell' : request.side === 'buy';
  const what = `a ${request.side} ${request.orderClass}`;
  const takeProfit = isOco ? request.limitPrice : request.takeProfit?.limitPrice;
  const stop = request.stopLoss?.stopPrice;
  const entry = isOco ? undefined : request.limitPrice;
  // `higher` must be strictly above `lower` for a long, strictly below for a short.
  const pairs: Array<[string | undefined, string | undefined, string, string]> = [
    [takeProfit, stop, isOco ? 'limitPrice' : 'takeProfit.limitPrice', 'stopLoss.stopPrice'],
    [takeProfit, entry, 'takeProfit.limitPrice', 'the entry limitPrice'],
    [entry, stop, 'the entry limitPrice', 'stopLoss.stopPrice'],
  ];
  for (const [higher, lower, higherName, lowerName] of pairs) {
    if (higher === undefined || lower === undefined) continue;
    const ordered = long ? new Decimal(higher).greaterThan(lower) : new Decimal(higher).lessThan(lower);
    if (!ordered) {
      return invalid(`For ${what}, ${higherName} ${higher} must be ${long ? 'above' : 'below'} ${lowerName} ${lower}`, lower, higher);
    }
  }
  return null;
}
