import type { BacktestFill, BacktestTrade } from '@shared/dto/backtest';
import { Decimal, toDecimalString } from '@shared/money/decimal';
import type { FillLog } from './fill-log';
import * as scaled from './scaled';
import { doubleArray, objectArray } from './born-packed';

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
 * time order): the caller then takes roundTrips on decimals. `dtos` false: the pnl alone
 * (a sweep's metrics), by the same arithmetic and the same checks; `trades` stays empty.
 */
export function fastTrades(log: FillLog, tickPlaces: readonly (number | null)[], cashPlaces: number, dtos: boolean): FastTrades | null {
  const open = objectArray<OpenTrip | null>(); // by symbol index (a Map's delete per trade churns it)
  for (let k = 0; k < tickPlaces.length; k += 1) open.push(null);
  const out: FastTrades = { trades: objectArray(), pnl: doubleArray() };
  const { buys, indexes, units: unitsOf, ticks, commissions, times } = log;
  let last = -Infinity;
  for (let i = 0; i < log.length; i += 1) {
    const time = times[i]!;
    const units = unitsOf[i]!;
    const index = indexes[i]!;
    const commission = commissions[i]!;
    if (!(time >= last) || units <= 0) return null;
    last = time;
    const trip = open[index] ?? null;
    const value = units * ticks[i]!;
    if (!trip) {
      if (buys[i] !== 1) return null;
      open[index] = { entryTime: time, held: units, maxHeld: units, entryQuantity: units, entryValue: value, exitQuantity: 0, exitValue: 0, commission };
    } else if (buys[i] === 1) {
      trip.held += units;
      trip.maxHeld = Math.max(trip.maxHeld, trip.held);
      trip.entryQuantity += units;
      trip.entryValue += value;
      trip.commission += commission;
    } else {
      if (units > trip.held) return null;
      trip.held -= units;
      trip.exitQuantity += units;
      trip.exitValue += value;
      trip.commission += commission;
      if (trip.held !== 0) continue;
      if (!finish(out, trip, log.symbols[i]!, time, tickPlaces[index]!, cashPlaces, dtos)) return null;
      open[index] = null;
    }
    if (Math.abs(value) > SAFE || (trip && !(Math.abs(trip.entryValue) <= SAFE && Math.abs(trip.exitValue) <= SAFE))) return null;
  }
  return out;
}

function finish(out: FastTrades, trip: OpenTrip, symbol: string, exitTime: number, k: number, cashPlaces: number, dtos: boolean): boolean {
  const scale = POW10[cashPlaces - k]!;
  const gross = (trip.exitValue - trip.entryValue) * scale;
  const pnl = gross - trip.commission;
  const entry = Math.abs(trip.entryValue) * scale;
  if (!(Math.abs(gross) <= SAFE && Math.abs(pnl) * 100 < SAFE && entry <= SAFE)) return false;
  out.pnl.push(pnl / POW10[cashPlaces]!);
  if (!dtos) return true;
  out.trades.push({
    symbol,
    side: 'long',
    entryTime: trip.entryTime,
    exitTime,
    quantity: formatUnits(trip.maxHeld, 0),
    entryPrice: averagePrice(trip.entryValue, trip.entryQuantity, k),
    exitPrice: averagePrice(trip.exitValue, trip.exitQuantity, k),
    pnl: formatUnits(pnl, cashPlaces),
    // 100·pnl and the entry value are exact integers below 2^52, so this one division is the
    // correctly rounded 100·pnl/entry; that quotient is never a rounding midpoint there and
    // lies within 2^-107 of none, far beyond the 40 digits the decimal quotient keeps.
    returnPct: entry === 0 ? 0 : (100 * pnl) / entry,
  });
  return true;
}

/** value ÷ quantity to ten places, half-even, as roundTrips gives it (exact division in ticks needs no decimal). */
function averagePrice(value: number, quantity: number, k: number): string {
  const ticks = value / quantity;
  if (Number.isInteger(ticks) && ticks * quantity === value) return formatUnits(ticks, k);
  return toDecimalString(unitsToDecimal(value, k).dividedBy(quantity).toDecimalPlaces(10, Decimal.ROUND_HALF_EVEN));
}

/** The fill DTOs from scaled integers. */
export function fastFills(log: FillLog, tickPlaces: readonly (number | null)[], cashPlaces: number): BacktestFill[] {
  const n = log.length;
  const out = objectArray<BacktestFill>();
  for (let i = 0; i < n; i += 1) {
    out.push({
      symbol: log.symbols[i]!,
      side: log.buys[i] === 1 ? 'buy' : 'sell',
      time: log.times[i]!,
      quantity: formatUnits(log.units[i]!, 0),
      price: formatUnits(log.ticks[i]!, tickPlaces[log.indexes[i]!]!),
      commission: formatUnits(log.commissions[i]!, cashPlaces),
    });
  }
  return out;
}
