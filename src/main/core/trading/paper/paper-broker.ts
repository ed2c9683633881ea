import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import type { Decimal } from '@shared/money/decimal';
import type { Broker, BrokerPosition } from '../../ports/broker';
import type { Clock } from '../../ports/clock';
import type { FeedEvent } from '../../ports/market-feed';
import { tradingDayOf } from '../../market-data/calendar';
import type { ExecutionReport } from '../model/execution-report';
import { isOpen, type Order } from '../model/order';
import { MarketState, tapeOf } from './market-state';
import { submitProblem, type PaperInstrument } from './order-checks';
import { alwaysOpen, expiresAtClose, expiryFrom, SessionLookup, type MarketPhase, type SessionAt } from './sessions';
import { Venue } from './venue';
import { VenueBook } from './venue-book';
import { isExitLeg, workingOrder, type WorkingOrder } from './working-order';

const ALWAYS_OPEN: SessionAt = { phase: 'regular', close: null };

export interface PaperBrokerOptions {
  slippage: SlippageModel;
  commission: CommissionModel;
  instrument: (symbol: string) => PaperInstrument | null;
  /** The session phase of a symbol at an instant (the host maps always-open instruments). */
  marketPhase: (symbol: string, time: number) => MarketPhase;
  /** The regular close (ms) of the trading day of `time`, or null (a closed day, no sessions). */
  sessionCloseOf: (symbol: string, time: number) => number | null;
  clock: Clock;
  /** Prepended to fill ids (e.g. to tell two paper accounts apart). */
  idPrefix?: string;
  /** The month a fill counts toward for tiered commission; New York calendar month by default. */
  monthOf?: (time: number) => string;
}

/**
 * The paper venue: a synchronous matching engine. Every report is emitted inside the call
 * that caused it (submit, cancel, replace, onMarket, onClock), in causal order.
 *
 * - Orders are accepted without market data; they work from the first market event on. An
 *   order that can trade at once (the session allows it and the symbol has data) is matched
 *   against the current market inside `submit`, so a market order fills there. Only that
 *   arrival match improves on a limit; afterwards the order rests (also when it was accepted
 *   without data) and a quote or trade through it fills at the limit (see matching.ts).
 * - ioc and fok orders get exactly one evaluation, at the first moment they can trade (in
 *   `submit`, or at the first eligible market event); whatever did not fill is canceled.
 * - Multi-leg orders come as separate `submit` calls, entry first, each leg carrying
 *   `parentId` and `legRole` (see order-factory.ts). Bracket/OTO exits are held until the
 *   entry fills completely and work from the next market event; if the entry ends without
 *   filling completely (canceled, expired, even part-filled) they are canceled ('parent
 *   canceled'). An OCO (the take-profit is the parent, the stop-loss its child) is armed at
 *   once. Any fill on one exit leg cancels the other ('oco'). A leg may arrive after its
 *   entry has already filled or ended; it is then armed, canceled or rejected at once.
 * - A symbol is matched on the best data it has shown: quotes, else trades, else bars
 *   (market-state.ts); prices per matching.ts, slippage and volume caps per slippage.ts
 *   (orders of a symbol share an event's volume in creation order; a limit is never crossed
 *   by slippage: the fill is clamped to the limit). Partial fills leave the rest working.
 * - Fill ids are `${idPrefix}${order.id}-F${n}`; see working-order.ts for restored orders.
 * - The paper account's book is the order manager's ledger: `positions()` returns [].
 */
export class PaperBroker implements Broker {
  readonly name = 'paper';
  readonly mode = 'paper' as const;
  private readonly listeners = new Set<(report: ExecutionReport) => void>();
  private readonly book = new VenueBook();
  private readonly market = new MarketState();
  private readonly venue: Venue;
  private readonly idPrefix: string;
  private readonly sessions: SessionLookup;
  private events = 0;

  constructor(private readonly options: PaperBrokerOptions) {
    this.idPrefix = options.idPrefix ?? '';
    this.sessions = new SessionLookup(options.marketPhase, options.sessionCloseOf);
    this.venue = new Venue(this.book, (report) => this.emit(report), {
      slippage: options.slippage,
      commission: options.commission,
      monthOf: options.monthOf ?? ((time) => tradingDayOf(time).slice(0, 7)),
      eventCount: () => this.events,
    });
  }

  configure(models: { slippage: SlippageModel; commission: CommissionModel }): void {
    this.venue.configure(models);
  }

  /** Seeds the month's traded units (tiered commission) after a restart. */
  seedMonthlyVolume(month: string, units: Decimal): void {
    this.venue.monthly.set(month, units);
  }

  onReport(listener: (report: ExecutionReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  submit(order: Order): void {
    if (this.book.get(order.id)) return; // a resubmission of an order already working
    this.accept(order, this.options.clock.now());
  }

  cancel(order: Order): void {
    const now = this.options.clock.now();
    const working = this.book.get(order.id);
    if (working) this.venue.end(working, 'canceled', now, 'user');
    else if (!this.book.resolve(order.id)) this.emit({ kind: 'canceled', orderId: order.id, time: now, reason: 'user' });
  }

  replace(old: Order, next: Order): void {
    const now = this.options.clock.now();
    const working = this.book.get(old.id);
    if (!working) {
      this.emit({ kind: 'rejected', orderId: next.id, time: now, reason: `Order ${old.id} is no longer working` });
      return;
    }
    const problem = this.problemWith(next, now);
    if (problem) {
      this.emit({ kind: 'rejected', orderId: next.id, time: now, reason: problem });
      return;
    }
    this.book.finish(working, { status: 'replaced', anyFill: !working.order.filledQuantity.isZero(), fullyFilled: false, replacedBy: next.id });
    this.book.repoint(old.id, next.id);
    this.emit({ kind: 'replaced', orderId: old.id, time: now, newOrderId: next.id });
    this.accept(next, now);
  }

  /** Re-arms the journal's working orders after a restart, silently. */
  restore(orders: readonly Order[]): void {
    this.book.clear();
    const open = orders.filter(isOpen).sort((a, b) => a.createdAt - b.createdAt);
    const ids = new Set(open.map((order) => order.id));
    const successor = new Map(open.filter((order) => order.replaces !== null).map((order) => [order.replaces, order.id]));
    const now = this.options.clock.now();
    for (const order of open) {
      const working = workingOrder(order, this.book.nextSeq(), this.idPrefix);
      let parent = order.parentId;
      for (let hops = 0; parent !== null && !ids.has(parent) && hops < 100; hops += 1) parent = successor.get(parent) ?? null;
      working.parentKey = parent ?? order.parentId;
      // An exit whose entry is still working waits for it; one whose entry is gone has filled.
      working.armed = !(parent !== null && ids.has(parent) && isExitLeg(order) && order.orderClass !== 'oco');
      this.resolveExpiry(working, now);
      this.book.add(working);
    }
  }

  openOrders(): readonly Order[] {
    return this.book.all().map((working) => ({ ...working.order }));
  }

  positions(): readonly BrokerPosition[] {
    return [];
  }

  /** Updates the market, expires due orders of the symbol, then works its orders in creation order. */
  onMarket(event: FeedEvent): void {
    const recorded = this.market.record(event);
    if (!recorded) return;
    this.events += 1;
    const { symbol } = recorded;
    if (!recorded.drives || !this.book.hasSymbol(symbol)) return;
    const spec = this.options.instrument(symbol);
    const tape = spec ? tapeOf(event, spec.tickSize) : null;
    if (!spec || !tape) return;
    this.expireDue(this.book.ofSymbol(symbol), tape.time);
    const session = this.sessionOf(symbol, spec, tape.time);
    const phase = tape.source === 'bar' && tape.daily ? 'regular' : session.phase;
    const closeAt = session.close;
    const opening = phase === 'regular' && closeAt !== null && this.market.markRegular(symbol, closeAt);
    const pass = this.venue.pass({ spec, tape, phase, closeAt, opening, atSubmit: false });
    for (const working of this.book.ofSymbol(symbol)) {
      if (this.book.get(working.order.id) !== working || !working.armed || working.armedAt === this.events) continue;
      this.venue.evaluate(working, pass);
    }
  }

  /** Expires day, opg and cls orders whose close has come. The host calls it on a timer. */
  onClock(now: number): void {
    this.expireDue(this.book.all(), now);
  }

  // --- internals ------------------------------------------------------------------------

  private accept(order: Order, now: number): void {
    const problem = this.problemWith(order, now);
    if (problem) {
      this.book.remember(order, 'rejected');
      this.emit({ kind: 'rejected', orderId: order.id, time: now, reason: problem });
      return;
    }
    const working = workingOrder({ ...order, status: 'accepted', updatedAt: now }, this.book.nextSeq(), this.idPrefix);
    const leg = this.venue.legState(working);
    if (leg.kind === 'reject') {
      this.book.remember(order, 'rejected');
      this.emit({ kind: 'rejected', orderId: order.id, time: now, reason: leg.reason });
      return;
    }
    this.resolveExpiry(working, now);
    this.book.add(working);
    this.emit({ kind: 'accepted', orderId: order.id, time: now });
    if (leg.kind === 'cancel') this.venue.end(working, 'canceled', now, leg.reason);
    else if (leg.kind === 'held') working.armed = false;
    else if (leg.kind === 'armed' && !leg.exitOfEntry) this.workNow(working, now);
    else working.armedAt = this.events; // a bracket exit: from the next market event
  }

  /** Matches a new order against the current market when the symbol has data. */
  private workNow(working: WorkingOrder, now: number): void {
    const { symbol } = working.order;
    const spec = this.options.instrument(symbol);
    const tape = spec ? this.market.current(symbol, spec.tickSize) : null;
    // No market yet, or only a finished bar (which offers no price after its close): the
    // next event works it — on bars, the next bar's open, as in backtests.
    if (!spec || !tape || tape.source === 'bar') return;
    const { phase, close } = this.sessionOf(symbol, spec, now);
    const pass = this.venue.pass({ spec, tape, phase, closeAt: close, opening: false, atSubmit: true }, now);
    this.venue.evaluate(working, pass);
  }

  private expireDue(list: readonly WorkingOrder[], now: number): void {
    for (const working of list) {
      if (this.book.get(working.order.id) !== working) continue;
      this.resolveExpiry(working, now);
      if (working.expiresAt !== null && now >= working.expiresAt) this.venue.end(working, 'expired', now);
    }
  }

  private resolveExpiry(working: WorkingOrder, now: number): void {
    const { order } = working;
    if (working.expiresAt !== null || !expiresAtClose(order.timeInForce)) return;
    const spec = this.options.instrument(order.symbol);
    if (spec) working.expiresAt = expiryFrom(order.createdAt, this.sessionOf(order.symbol, spec, now).close);
  }

  private problemWith(order: Order, now: number): string | null {
    const spec = this.options.instrument(order.symbol);
    const phase = spec ? this.sessionOf(order.symbol, spec, now).phase : 'closed';
    return submitProblem(order, spec, phase, spec !== null && alwaysOpen(spec));
  }

  private sessionOf(symbol: string, spec: PaperInstrument, time: number): SessionAt {
    return alwaysOpen(spec) ? ALWAYS_OPEN : this.sessions.at(symbol, time);
  }

  private emit(report: ExecutionReport): void {
    for (const listener of this.listeners) listener(report);
  }
}
