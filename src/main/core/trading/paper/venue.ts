import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import { Decimal, type Price, type Quantity } from '@shared/money/decimal';
import type { ExecutionReport } from '../model/execution-report';
import { remainingQuantity, type Order } from '../model/order';
import { commissionForFill, MonthlyVolume } from './commission';
import type { Tape } from './market-state';
import { match, rangeOf, type PriceRange } from './matching';
import type { PaperInstrument } from './order-checks';
import { inClosingWindow, sessionAllows, type MarketPhase } from './sessions';
import { eventVolume, Liquidity, slippedPrice } from './slippage';
import type { VenueBook } from './venue-book';
import { bookFill, isExitLeg, type WorkingOrder } from './working-order';

/** One market event (or the current market, inside submit) as orders are worked on it. */
export interface Pass {
  spec: PaperInstrument;
  tape: Tape;
  time: number;
  phase: MarketPhase;
  /** The regular close of the day, null without sessions. */
  closeAt: number | null;
  /** The first regular-session event of the day: opening orders work on it. */
  opening: boolean;
  atSubmit: boolean;
  liquidity: Liquidity;
}

/** Where a new order stands with respect to its entry (for exit legs). */
export type LegState =
  | { kind: 'armed'; exitOfEntry: boolean }
  | { kind: 'held' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'reject'; reason: string };

export interface VenueModels {
  slippage: SlippageModel;
  commission: CommissionModel;
  monthOf: (time: number) => string;
  eventCount: () => number;
}

type Emit = (report: ExecutionReport) => void;

/** Triggers, fills and the order lifecycle on the venue's book. */
export class Venue {
  readonly monthly: MonthlyVolume;
  private slippage: SlippageModel;
  private commission: CommissionModel;

  constructor(
    private readonly book: VenueBook,
    private readonly emit: Emit,
    private readonly models: VenueModels,
  ) {
    this.slippage = models.slippage;
    this.commission = models.commission;
    this.monthly = new MonthlyVolume(models.monthOf);
  }

  configure(models: { slippage: SlippageModel; commission: CommissionModel }): void {
    this.slippage = models.slippage;
    this.commission = models.commission;
  }

  pass(context: Omit<Pass, 'liquidity' | 'time'>, time: number = context.tape.time): Pass {
    const { spec, tape, phase, closeAt, opening, atSubmit } = context; // named, not spread: this runs per event
    return { spec, tape, time, phase, closeAt, opening, atSubmit, liquidity: new Liquidity(this.slippage, tape) };
  }

  /** Places a new leg relative to its entry (following replacements). Sets `parentKey`. */
  legState(working: WorkingOrder): LegState {
    const { order } = working;
    if (working.parentKey === null || !isExitLeg(order)) return { kind: 'armed', exitOfEntry: false };
    const parent = this.book.resolve(working.parentKey);
    if (!parent) return { kind: 'reject', reason: `Unknown parent order ${working.parentKey}` };
    const oco = order.orderClass === 'oco';
    if ('working' in parent) {
      working.parentKey = parent.working.order.id;
      if (!oco) return { kind: 'held' };
      return parent.working.order.filledQuantity.isZero() ? { kind: 'armed', exitOfEntry: false } : { kind: 'cancel', reason: 'oco' };
    }
    working.parentKey = parent.id;
    const ended = parent.finished;
    if (ended.status === 'rejected') return { kind: 'reject', reason: 'The parent order was rejected' };
    if (oco) return ended.anyFill ? { kind: 'cancel', reason: 'oco' } : { kind: 'armed', exitOfEntry: false };
    return ended.fullyFilled ? { kind: 'armed', exitOfEntry: true } : { kind: 'cancel', reason: 'parent canceled' };
  }

  /** Works one order on a pass: session and TIF gates, trigger, fill, then ioc/fok/opg endings. */
  evaluate(working: WorkingOrder, pass: Pass): void {
    const { order } = working;
    if (!sessionAllows(order, pass.phase)) return;
    if (order.timeInForce === 'opg' && !pass.opening) return;
    if (order.timeInForce === 'cls' && !inClosingWindow(pass.time, pass.closeAt)) return;
    const range = rangeOf(pass.tape, order.side);
    if (range) this.matchAndFill(working, range, pass);
    if (this.book.get(order.id) !== working) return;
    if (order.timeInForce === 'ioc') this.end(working, 'canceled', pass.time, 'ioc remainder');
    else if (order.timeInForce === 'fok') this.end(working, 'canceled', pass.time, 'fok unfilled');
    else if (order.timeInForce === 'opg') this.end(working, 'expired', pass.time);
  }

  /**
   * Takes an order off the venue. Exits held for an entry are armed when it filled and
   * canceled otherwise. A fill has its own report, so 'filled' emits nothing here.
   */
  end(working: WorkingOrder, status: 'filled' | 'canceled' | 'expired', time: number, reason = ''): void {
    const { order } = working;
    const anyFill = !order.filledQuantity.isZero();
    this.book.finish(working, { status, anyFill, fullyFilled: status === 'filled', replacedBy: null });
    if (status === 'canceled') this.emit({ kind: 'canceled', orderId: order.id, time, reason });
    if (status === 'expired') this.emit({ kind: 'expired', orderId: order.id, time });
    for (const child of this.book.children(order.id)) {
      if (child.armed) continue; // an OCO's stop-loss stands on its own
      if (status === 'filled') {
        child.armed = true;
        child.armedAt = this.models.eventCount();
      } else this.end(child, 'canceled', time, 'parent canceled');
    }
  }

  private matchAndFill(working: WorkingOrder, range: PriceRange, pass: Pass): void {
    const { order } = working;
    const restingBefore = order.type === 'limit' || (order.type === 'stop_limit' && order.triggered);
    const step = match(order, range, pass.spec.tickSize);
    if (step.trail) {
      order.trailReference = step.trail.reference;
      order.stopPrice = step.trail.stopPrice;
      order.updatedAt = pass.time;
      this.emit({ kind: 'trail_moved', orderId: order.id, time: pass.time, ...step.trail });
    }
    if (step.triggered) {
      order.triggered = true;
      order.updatedAt = pass.time;
      this.emit({ kind: 'triggered', orderId: order.id, time: pass.time });
    }
    if (step.fillAt) this.tryFill(working, restingBefore ? restingLimitPrice(order, step.fillAt, pass) : step.fillAt, pass);
  }

  private tryFill(working: WorkingOrder, at: Price, pass: Pass): void {
    const { order } = working;
    const remaining = remainingQuantity(order);
    const available = pass.liquidity.available(order.side, pass.spec.lotSize);
    const qty = (available === null ? remaining : Decimal.min(remaining, available)) as Quantity;
    if (qty.lessThanOrEqualTo(0)) return;
    if (order.timeInForce === 'fok' && qty.lessThan(remaining)) return;
    const slipped = slippedPrice(this.slippage, {
      side: order.side,
      price: at,
      tick: pass.spec.tickSize,
      source: pass.tape.source,
      quantity: qty,
      volume: this.slippage.model === 'volume' ? eventVolume(pass.tape, order.side) : null, // only the volume model reads it
    });
    pass.liquidity.take(order.side, qty);
    this.fill(working, qty, capAtLimit(order, slipped), pass.time);
  }

  private fill(working: WorkingOrder, qty: Quantity, px: Price, time: number): void {
    const { order } = working;
    const before = { filledQuantity: order.filledQuantity, filledValue: working.filledValue, charged: working.charged, raw: working.rawCommission };
    const { commission, raw } = commissionForFill(this.commission, { quantity: qty, price: px }, before, this.monthly.before(time));
    this.monthly.add(time, qty);
    const fillId = bookFill(working, qty, px, commission, raw, time);
    this.emit({ kind: 'fill', orderId: order.id, time, fillId, quantity: qty, price: px, commission });
    for (const sibling of this.book.siblings(working)) this.end(sibling, 'canceled', time, 'oco');
    if (order.status === 'filled') this.end(working, 'filled', time);
  }
}

/** A limit is never crossed by slippage: a buy pays at most its limit, a sell gets at least it. */
function capAtLimit(order: Order, px: Price): Price {
  const limited = order.type === 'limit' || order.type === 'stop_limit';
  if (!limited || order.limitPrice === null) return px;
  if (order.side === 'buy') return px.greaterThan(order.limitPrice) ? order.limitPrice : px;
  return px.lessThan(order.limitPrice) ? order.limitPrice : px;
}

/**
 * A limit resting on the book when a trade or quote goes through it is filled at its limit:
 * in a continuous market the incoming order meets the resting one there first. Only on
 * arrival (marketable at once) or across a bar's gap does a fill improve on the limit.
 */
function restingLimitPrice(order: Pick<Order, 'limitPrice'>, at: Price, pass: Pass): Price {
  if (pass.atSubmit || pass.tape.source === 'bar' || order.limitPrice === null) return at;
  return order.limitPrice;
}
