import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Fill } from '../model/fill';
import { sideSign } from '../model/order';

/** A trade from flat back to flat in one symbol. */
export interface RoundTrip {
  symbol: string;
  side: 'long' | 'short';
  entryTime: number;
  exitTime: number;
  /** The largest absolute size held during the trip. */
  quantity: Quantity;
  /** Volume-weighted, ten places. */
  entryPrice: Price;
  exitPrice: Price;
  /** Net of the commissions of its fills (a split fill's commission apportioned by quantity). */
  pnl: Money;
  /** pnl as a percent of the money put in (entry value); a float, for statistics. */
  returnPct: number;
}

const PRICE_PLACES = 10;
const ZERO = new Decimal(0);

interface OpenTrip {
  symbol: string;
  direction: 1 | -1;
  entryTime: number;
  held: Decimal;
  maxHeld: Decimal;
  entryQuantity: Decimal;
  entryValue: Decimal;
  exitQuantity: Decimal;
  exitValue: Decimal;
  commission: Decimal;
}

/**
 * Splits fills into round trips, per symbol and in time order. A fill that flips a position
 * ends one trip and starts the next with its remainder. Trips still open at the end are not
 * returned.
 */
export function roundTrips(fills: readonly Fill[]): RoundTrip[] {
  const ordered = [...fills].sort((a, b) => a.time - b.time);
  const open = new Map<string, OpenTrip>();
  const done: RoundTrip[] = [];
  for (const fill of ordered) {
    if (!fill.quantity.greaterThan(0)) continue; // decimal.js: isPositive() is true for 0
    const trip = open.get(fill.symbol);
    if (!trip) {
      open.set(fill.symbol, openTrip(fill, fill.quantity, fill.commission));
    } else if (sideSign(fill.side) === trip.direction) {
      addToTrip(trip, fill);
    } else {
      const closed = Decimal.min(fill.quantity, trip.held);
      const rest = fill.quantity.minus(closed);
      const share = rest.isZero() ? fill.commission : fill.commission.times(closed).dividedBy(fill.quantity);
      trip.held = trip.held.minus(closed);
      trip.exitQuantity = trip.exitQuantity.plus(closed);
      trip.exitValue = trip.exitValue.plus(closed.times(fill.price));
      trip.commission = trip.commission.plus(share);
      if (!trip.held.isZero()) continue;
      done.push(finish(trip, fill.time));
      open.delete(fill.symbol);
      if (rest.greaterThan(0)) open.set(fill.symbol, openTrip(fill, rest, fill.commission.minus(share)));
    }
  }
  return done;
}

function openTrip(fill: Fill, qty: Decimal, commission: Decimal): OpenTrip {
  return {
    symbol: fill.symbol,
    direction: sideSign(fill.side),
    entryTime: fill.time,
    held: qty,
    maxHeld: qty,
    entryQuantity: qty,
    entryValue: qty.times(fill.price),
    exitQuantity: ZERO,
    exitValue: ZERO,
    commission,
  };
}

function addToTrip(trip: OpenTrip, fill: Fill): void {
  trip.held = trip.held.plus(fill.quantity);
  trip.maxHeld = Decimal.max(trip.maxHeld, trip.held);
  trip.entryQuantity = trip.entryQuantity.plus(fill.quantity);
  trip.entryValue = trip.entryValue.plus(fill.quantity.times(fill.price));
  trip.commission = trip.commission.plus(fill.commission);
}

function finish(trip: OpenTrip, exitTime: number): RoundTrip {
  // Back to flat, so as much went out as came in: P&L is exit value less entry value.
  const gross = trip.exitValue.minus(trip.entryValue).times(trip.direction);
  const pnl = gross.minus(trip.commission);
  return {
    symbol: trip.symbol,
    side: trip.direction === 1 ? 'long' : 'short',
    entryTime: trip.entryTime,
    exitTime,
    quantity: trip.maxHeld as Quantity,
    entryPrice: averagePrice(trip.entryValue, trip.entryQuantity),
    exitPrice: averagePrice(trip.exitValue, trip.exitQuantity),
    pnl: pnl as Money,
    returnPct: trip.entryValue.isZero() ? 0 : pnl.dividedBy(trip.entryValue.abs()).times(100).toNumber(),
  };
}

function averagePrice(value: Decimal, qty: Decimal): Price {
  return value.dividedBy(qty).toDecimalPlaces(PRICE_PLACES, Decimal.ROUND_HALF_EVEN) as Price;
}
