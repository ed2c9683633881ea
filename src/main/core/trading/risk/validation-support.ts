import type { OrderType, Rejection } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';

/** What validation needs to know about the instrument. */
export interface ValidationInstrument {
  tickSize: Decimal;
  lotSize: Decimal;
  assetClass: string;
}

export type PriceField = 'limitPrice' | 'stopPrice' | 'trailAmount' | 'trailPercent';
export const PRICE_FIELDS: readonly PriceField[] = ['limitPrice', 'stopPrice', 'trailAmount', 'trailPercent'];

/** The price fields each order type takes; any other price field is refused. */
export const FIELDS_OF: Record<OrderType, ReadonlySet<PriceField>> = {
  market: new Set(),
  limit: new Set(['limitPrice']),
  stop: new Set(['stopPrice']),
  stop_limit: new Set(['limitPrice', 'stopPrice']),
  trailing_stop: new Set(['trailAmount', 'trailPercent']),
};

/** Trailing stops further than this percent are refused (Alpaca's bound too). */
export const MAX_TRAIL_PERCENT = new Decimal(50);
const ONE = new Decimal(1);

/** "A bracket", "An oto": the article a class or type name takes at the start of a sentence. */
export function aOrAn(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'An' : 'A'} ${word}`;
}

export function invalid(message: string, limit: string | null = null, actual: string | null = null): Rejection {
  return { rule: 'invalid_order', message, limit, actual };
}

/** True when `value` is a whole number of `step`s; a step of 0 or less constrains nothing. */
export function isMultipleOf(value: Decimal, step: Decimal): boolean {
  if (step.equals(ONE)) return value.isInteger(); // the common lot: the same answer without a division
  return step.lessThanOrEqualTo(0) || value.mod(step).isZero();
}

/** Each named price (absent ones skipped) must be a multiple of the tick size. */
export function checkTicks(prices: ReadonlyArray<readonly [string, string | Decimal | undefined | null]>, tick: Decimal): Rejection | null {
  for (const [field, raw] of prices) {
    if (raw === undefined || raw === null) continue;
    const value = new Decimal(raw);
    if (!isMultipleOf(value, tick)) {
      return invalid(`${field} ${value.toFixed()} is not a multiple of the tick size ${tick.toFixed()}`, tick.toFixed(), value.toFixed());
    }
  }
  return null;
}

/** The quantity must be a whole number of lots; with a lot of 1 or more, fractions are refused. */
export function checkLot(symbol: string, raw: string | Decimal | undefined, lot: Decimal): Rejection | null {
  if (raw === undefined) return null;
  const value = new Decimal(raw);
  if (isMultipleOf(value, lot)) return null;
  const message =
    lot.greaterThanOrEqualTo(1) && !value.isInteger()
      ? `quantity ${value.toFixed()}: ${symbol} does not trade in fractions (lot size ${lot.toFixed()})`
      : `quantity ${value.toFixed()} is not a multiple of the lot size ${lot.toFixed()}`;
  return invalid(message, lot.toFixed(), value.toFixed());
}

/** ioc, fok, opg and cls are auction / immediate instructions that only market and limit orders take. */
export function checkTimeInForce(type: string, timeInForce: string): Rejection | null {
  if (timeInForce === 'day' || timeInForce === 'gtc' || type === 'market' || type === 'limit') return null;
  return invalid(`timeInForce ${timeInForce} is only for market and limit orders, not ${type}`);
}

export function checkTrailPercent(raw: string | undefined): Rejection | null {
  if (raw === undefined || new Decimal(raw).lessThanOrEqualTo(MAX_TRAIL_PERCENT)) return null;
  return invalid(`trailPercent ${raw} is over the maximum ${MAX_TRAIL_PERCENT.toFixed()}`, MAX_TRAIL_PERCENT.toFixed(), raw);
}

/** The first rejection of a list of checks run in order, or null. */
export function firstOf(checks: ReadonlyArray<() => Rejection | null>): Rejection | null {
  for (const check of checks) {
    const rejection = check();
    if (rejection) return rejection;
  }
  return null;
}
