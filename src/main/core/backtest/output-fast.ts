import type { BacktestFill, BacktestTrade } from '@shared/dto/backtest';
import { Decimal, toDecimalString } from '@shared/money/decimal';
import type { FillRecord } from './fill-log';
import * as scaled from './scaled';

// Module-local copies of the bindings: read once, not through the import on every use (under a
// CommonJS transform, as tsx runs the bench, each read of an imported binding is a getter call).
const { formatUnits, POW10, SAFE, unitsToDecimal } = scaled;

/** One symbol's open trip in units and ticks (long only here). */
interface OpenTrip {
  entryTime: number;
  held: number;
  maxHeld: number;
  entryQuantity: number;
  entryValue: number;
  exitQuantity: number;
  exitValue: number;
  commission: number;
}

export interface FastTrades {
  trades: BacktestTrade[];
  /** Each trade's pnl as a float (what pnl.toNumber() gives). */
  pnl: number[];
}

/**
 * roundTrips + the trade DTOs (output.ts) from fills in scaled integers, with the same
 * numbers to the last digit: sums are exact integers, strings are formatted from them, and a
 * float is the correctly rounded quotient of exact integers (see returnPct). null when a case
 * is not covered (a short, a fill that flips a position, an amount beyond 2^52, fills out of
 * time order): the caller then takes roundTrips on decimals.
 */
export function fastTrades(records: readonly FillRecord[], tickPlaces: readonly (number | null)[], cashPlaces: number): FastTrades | null {
  const open = new Map<number, OpenTrip>();
  const out: FastTrades = { trades: [], pnl: [] };
  let last = -Infinity;
  for (const fill of records) {
    if (!(fill.time >= last) || fill.units <= 0) return null;
    last = fill.time;
    const trip = open.get(fill.index);
    const value = fill.units * fill.ticks;
    if (!trip) {
      if (fill.side !== 'buy') return null;
      open.set(fill.index, { entryTime: fill.time, held: fill.units, maxHeld: fill.units, entryQuantity: fill.units, entryValue: value, exitQuantity: 0, exitValue: 0, commission: fill.commission });
    } else if (fill.side === 'buy') {
      trip.held += fill.units;
      trip.maxHeld = Math.max(trip.maxHeld, trip.held);
      trip.entryQuantity += fill.units;
      trip.entryValue += value;
      trip.commission += fill.commission;
    } else {
      if (fill.units > trip.held) return null;
      trip.held -= fill.units;
      trip.exitQuantity += fill.units;
      trip.exitValue += value;
      trip.commission += fill.commission;
      if (trip.held !== 0) continue;
      if (!finish(out, trip, fill, tickPlaces[fill.index]!, cashPlaces)) return null;
      open.delete(fill.index);
    }
    if (Math.abs(value) > SAFE || (trip && !(Math.abs(trip.entryValue) <= SAFE && Math.abs(trip.exitValue) <= SAFE))) return null;
  }
  return out;
}

function finish(out: FastTrades, trip: OpenTrip, fill: FillRecord, k: number, cashPlaces: number): boolean {
  const scale = POW10[cashPlaces - k]!;
  const gross = (trip.exitValue - trip.entryValue) * scale;
  const pnl = gross - trip.commission;
  const entry = Math.abs(trip.entryValue) * scale;
  if (!(Math.abs(gross) <= SAFE && Math.abs(pnl) * 100 < SAFE && entry <= SAFE)) return false;
  out.trades.push({
    symbol: fill.symbol,
    side: 'long',
    entryTime: trip.entryTime,
    exitTime: fill.time,
    quantity: formatUnits(trip.maxHeld, 0),
    entryPrice: averagePrice(trip.entryValue, trip.entryQuantity, k),
    exitPrice: averagePrice(trip.exitValue, trip.exitQuantity, k),
    pnl: formatUnits(pnl, cashPlaces),
    // 100·pnl and the entry value are exact integers below 2^52, so this one division is the
    // correctly rounded 100·pnl/entry; that quotient is never a rounding midpoint there and
    // lies within 2^-107 of none, far beyond the 40 digits the decimal quotient keeps.
    returnPct: entry === 0 ? 0 : (100 * pnl) / entry,
  });
  out.pnl.push(pnl / POW10[cashPlaces]!);
  return true;
}

/** value ÷ quantity to ten places, half-even, as roundTrips gives it (exact division in ticks needs no decimal). */
function averagePrice(value: number, quantity: number, k: number): string {
  const ticks = value / quantity;
  if (Number.isInteger(ticks) && ticks * quantity === value) return formatUnits(ticks, k);
  return toDecimalString(unitsToDecimal(value, k).dividedBy(quantity).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN));
}

/** The fill DTOs from scaled integers. */
export function fastFills(records: readonly FillRecord[], tickPlaces: readonly (number | null)[], cashPlaces: number): BacktestFill[] {
  const out = new Array<BacktestFill>(records.length);
  for (let i = 0; i < records.length; i += 1) {
    const fill = records[i]!;
    out[i] = {
      symbol: fill.symbol,
      side: fill.side,
      time: fill.time,
      quantity: formatUnits(fill.units, 0),
      price: formatUnits(fill.ticks, tickPlaces[fill.index]!),
      commission: formatUnits(fill.commission, cashPlaces),
    };
  }
  return out;
}
