import type { OrderSide, SlippageModel } from '@shared/dto/trading';
import { Decimal, type Price, type Quantity } from '@shared/money/decimal';
import type { Tape } from './market-state';

/**
 * Slippage: where a fill lands relative to the price the matcher found, always against the
 * trader and rounded to the tick against the trader (buys up, sells down).
 *
 * - none: the matched price.
 * - fixed_bps: price × (1 ± bps/10 000).
 * - spread: on quotes nothing (buys already pay the ask, sells get the bid); on trades and
 *   bars half of `fallbackSpreadBps`.
 * - volume: impactBps × sqrt(fill / volume) basis points, where volume is the event's size on
 *   the order's side (the touch size of a quote, the trade size, the bar volume).
 */
export interface SlipInput {
  side: OrderSide;
  price: Price;
  tick: Decimal;
  source: Tape['source'];
  quantity: Quantity;
  /** The event's volume on the order's side; null when the event gives none. */
  volume: Decimal | null;
}

const BPS = new Decimal(10_000);
const ONE = new Decimal(1);

export function slippedPrice(model: SlippageModel, input: SlipInput): Price {
  return against(input.side, input.price, slippageBps(model, input), input.tick);
}

function slippageBps(model: SlippageModel, input: SlipInput): Decimal {
  switch (model.model) {
    case 'none':
      return new Decimal(0);
    case 'fixed_bps':
      return new Decimal(model.bps);
    case 'spread':
      return input.source === 'quote' ? new Decimal(0) : new Decimal(model.fallbackSpreadBps).dividedBy(2);
    case 'volume':
      if (input.volume === null || input.volume.lessThanOrEqualTo(0)) return new Decimal(0);
      return new Decimal(model.impactBps).times(input.quantity.dividedBy(input.volume).sqrt());
  }
}

/** Moves a price by `bps` against the trader and rounds it to the tick against the trader. */
function against(side: OrderSide, value: Price, bps: Decimal, tick: Decimal): Price {
  const buy = side === 'buy';
  const moved = bps.isZero() ? value : value.times(BPS.plus(buy ? bps : bps.negated()).dividedBy(BPS));
  const mode = buy ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR;
  const places = tenthPlaces(tick);
  // For a tick of 10^-places, whole ticks are exactly `places` decimals: no division needed.
  if (places !== null) return moved.toDecimalPlaces(places, mode) as Price;
  return moved.dividedBy(tick).toDecimalPlaces(0, mode).times(tick) as Price;
}

const TENTHS = new WeakMap<Decimal, number | null>();

/** k when the tick is 10^-k (0.01 → 2, 1 → 0); null for any other tick (0.05, 10). */
function tenthPlaces(tick: Decimal): number | null {
  let places = TENTHS.get(tick);
  if (places === undefined) {
    const k = tick.decimalPlaces();
    places = tick.equals(new Decimal(10).pow(-k)) ? k : null;
    TENTHS.set(tick, places);
  }
  return places;
}

/** The event's size on a side: the touch size of a quote, a trade's size, a bar's volume. */
export function eventVolume(tape: Tape, side: OrderSide): Decimal | null {
  const size = tape.source === 'quote' ? (side === 'buy' ? tape.askSize : tape.bidSize) : tape.source === 'trade' ? tape.size : tape.volume;
  return Number.isFinite(size) && size > 0 ? new Decimal(size) : null;
}

/**
 * What one event can fill, per side, shared by the orders it matches in creation order.
 * The volume model takes at most `participation` of the event's volume (none when the event
 * has no volume); the other models take the whole event volume, or any quantity when the
 * feed gives no size (a zero or missing size means "unknown", not "nothing").
 */
export class Liquidity {
  private readonly left = new Map<OrderSide, Decimal | null>();

  constructor(
    private readonly model: SlippageModel,
    private readonly tape: Tape,
  ) {}

  /** What is left on a side, rounded down to the lot; null when unlimited. */
  available(side: OrderSide, lot: Decimal): Decimal | null {
    const left = this.leftOn(side);
    if (left === null) return null;
    return lot.equals(ONE) ? left.floor() : left.dividedBy(lot).floor().times(lot);
  }

  take(side: OrderSide, qty: Decimal): void {
    const left = this.leftOn(side);
    if (left !== null) this.left.set(side, Decimal.max(left.minus(qty), 0));
  }

  private leftOn(side: OrderSide): Decimal | null {
    if (!this.left.has(side)) this.left.set(side, initial(this.model, eventVolume(this.tape, side)));
    return this.left.get(side) ?? null;
  }
}

function initial(model: SlippageModel, volume: Decimal | null): Decimal | null {
  if (model.model !== 'volume') return volume;
  return volume === null ? new Decimal(0) : volume.times(model.participation);
}
