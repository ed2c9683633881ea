/**
 * When an order triggers and at what price it can fill, on one market event. Conventions:
 *
 * - Each event gives the order's side a price range {open, high, low, close}. A quote gives
 *   one price: the ask for buys, the bid for sells (a quote with no price on that side gives
 *   nothing). A trade gives its price. A bar gives its open, high, low and close.
 * - Market orders (and triggered stops) fill at `open`: an order working before a bar fills
 *   at the bar's open; on quotes at the ask/bid; on trades at the trade price.
 * - A buy limit fills when low ≤ limit, a sell limit when high ≥ limit. `match` offers
 *   min(limit, open) for buys and max(limit, open) for sells; the venue then decides whether
 *   the order keeps that improvement (venue.ts, `restingLimitPrice`):
 *   - A limit already resting (a limit, or a stop-limit triggered on an earlier event) that a
 *     trade or quote goes through fills AT ITS LIMIT: in a continuous market the incoming
 *     order meets the resting one at the limit first, so there is no price improvement.
 *   - Price improvement remains only (a) on arrival, when the order is marketable at submit:
 *     it fills at the ask/bid/trade; (b) across a bar: a bar opening through the limit fills
 *     at the open (the gap rule); (c) on the event that triggers a stop-limit: it enters the
 *     book marketable and fills at the touch if that is within the limit.
 * - A buy stop triggers when high ≥ stop and fills at max(stop, open); a sell stop when
 *   low ≤ stop, at min(stop, open). A gap through the stop fills at the (worse) open.
 * - A stop-limit triggers like a stop and becomes a limit. On the triggering event it fills
 *   only if the trigger price is within the limit (we cannot know whether a bar came back
 *   to the limit after it gapped through); afterwards it is a plain resting limit.
 * - Trailing stops keep the best price since armed (high for sells, low for buys). On each
 *   event the stop as it stood is checked first; then the reference moves with the event's
 *   high (low) and, on a bar, a close at or through the moved stop triggers it at that stop
 *   (the price fell from the high through the stop). The first event sets the reference.
 *   Trail stops are rounded to the tick away from the market (sells down, buys up).
 * - Slippage and quantity are decided elsewhere (slippage.ts); a limit caps the slipped price.
 */
import type { OrderSide, OrderType } from '@shared/dto/trading';
import { Decimal, type Price } from '@shared/money/decimal';
import type { Tape } from './market-state';

export interface PriceRange {
  open: Price;
  high: Price;
  low: Price;
  close: Price;
}

export interface MatchInput {
  side: OrderSide;
  type: OrderType;
  limitPrice: Price | null;
  stopPrice: Price | null;
  trailAmount: Price | null;
  trailPercent: Decimal | null;
  trailReference: Price | null;
  triggered: boolean;
}

export interface MatchResult {
  /** A trailing stop's new reference and stop, when the reference was set or improved. */
  trail: { reference: Price; stopPrice: Price } | null;
  /** The stop was touched on this event. */
  triggered: boolean;
  /** The price the order can fill at before slippage, or null when it does not fill now. */
  fillAt: Price | null;
}

const NOTHING: MatchResult = { trail: null, triggered: false, fillAt: null };

/** The prices the event offers the order's side, or null when it offers none. */
export function rangeOf(tape: Tape, side: OrderSide): PriceRange | null {
  switch (tape.source) {
    case 'quote': {
      const touch = side === 'buy' ? tape.ask : tape.bid;
      return touch.greaterThan(0) ? point(touch) : null;
    }
    case 'trade':
      return point(tape.price);
    case 'bar':
      return { open: tape.open, high: tape.high, low: tape.low, close: tape.close };
  }
}

export function match(order: MatchInput, range: PriceRange, tick: Decimal): MatchResult {
  switch (order.type) {
    case 'market':
      return { ...NOTHING, fillAt: range.open };
    case 'limit':
      return { ...NOTHING, fillAt: limitFill(order.side, required(order.limitPrice), range) };
    case 'stop':
    case 'stop_limit':
      return matchStop(order, range);
    case 'trailing_stop':
      return order.triggered ? { ...NOTHING, fillAt: range.open } : matchTrailing(order, range, tick);
  }
}

/** The fill price of a limit on this range, or null when the range never reaches it. */
export function limitFill(side: OrderSide, limit: Price, range: PriceRange): Price | null {
  if (side === 'buy') return range.low.lessThanOrEqualTo(limit) ? min(limit, range.open) : null;
  return range.high.greaterThanOrEqualTo(limit) ? max(limit, range.open) : null;
}

/** The price a stop triggers at on this range (the stop, or the open on a gap), or null. */
export function stopTouch(side: OrderSide, stop: Price, range: PriceRange): Price | null {
  if (side === 'buy') return range.high.greaterThanOrEqualTo(stop) ? max(stop, range.open) : null;
  return range.low.lessThanOrEqualTo(stop) ? min(stop, range.open) : null;
}

/** A trailing stop's stop for a reference: below it for sells, above it for buys, on the tick. */
export function trailStop(order: Pick<MatchInput, 'side' | 'trailAmount' | 'trailPercent'>, reference: Price, tick: Decimal): Price {
  const sell = order.side === 'sell';
  let raw: Decimal;
  if (order.trailAmount !== null) raw = sell ? reference.minus(order.trailAmount) : reference.plus(order.trailAmount);
  else {
    const fraction = required(order.trailPercent).dividedBy(100);
    raw = reference.times(sell ? fraction.negated().plus(1) : fraction.plus(1));
  }
  const ticks = raw.dividedBy(tick).toDecimalPlaces(0, sell ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL);
  return ticks.times(tick) as Price;
}

function matchStop(order: MatchInput, range: PriceRange): MatchResult {
  const isLimit = order.type === 'stop_limit';
  if (order.triggered) {
    return { ...NOTHING, fillAt: isLimit ? limitFill(order.side, required(order.limitPrice), range) : range.open };
  }
  const touch = stopTouch(order.side, required(order.stopPrice), range);
  if (touch === null) return NOTHING;
  if (!isLimit) return { trail: null, triggered: true, fillAt: touch };
  const limit = required(order.limitPrice);
  const within = order.side === 'buy' ? touch.lessThanOrEqualTo(limit) : touch.greaterThanOrEqualTo(limit);
  return { trail: null, triggered: true, fillAt: within ? touch : null };
}

function matchTrailing(order: MatchInput, range: PriceRange, tick: Decimal): MatchResult {
  const sell = order.side === 'sell';
  const reference = order.trailReference;
  if (reference !== null) {
    const touch = stopTouch(order.side, trailStop(order, reference, tick), range);
    if (touch !== null) return { trail: null, triggered: true, fillAt: touch };
  }
  const best = sell ? range.high : range.low;
  const improves = reference === null || (sell ? best.greaterThan(reference) : best.lessThan(reference));
  if (!improves) return NOTHING;
  const stopPrice = trailStop(order, best, tick);
  const trail = { reference: best, stopPrice };
  const crossedLater = sell ? range.close.lessThanOrEqualTo(stopPrice) : range.close.greaterThanOrEqualTo(stopPrice);
  return crossedLater ? { trail, triggered: true, fillAt: stopPrice } : { trail, triggered: false, fillAt: null };
}

function point(value: Price): PriceRange {
  return { open: value, high: value, low: value, close: value };
}

function min(a: Price, b: Price): Price {
  return a.lessThanOrEqualTo(b) ? a : b;
}

function max(a: Price, b: Price): Price {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

function required<T>(value: T | null): T {
  if (value === null) throw new Error('The order lacks a price its type needs (checked at submit)');
  return value;
}
