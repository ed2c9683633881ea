import { KILL_SWITCH_OFF, type KillSwitchState, type PlaceOrder, type Rejection, type ReplaceOrder, type RiskLimits } from '@shared/dto/trading';
import { Decimal, money, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Broker } from '../../ports/broker';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { JournalEntry, TradingJournal } from '../../ports/trading-journal';
import { DomainError } from '../../api/domain-error';
import type { ExecutionReport } from '../model/execution-report';
import type { Fill } from '../model/fill';
import type { InstrumentSpec } from '../model/instrument-spec';
import { isOpen, type Order } from '../model/order';
import { applyReport } from '../model/order-state';
import type { Ledger } from '../portfolio/ledger';
import { validateReplace } from '../risk/order-validation';
import { shouldTripKillSwitch } from '../risk/daily-loss';
import { exitLegs, orderFromRequest } from './order-factory';
import { JournalUnit } from './journal-unit';
import type { MarkBoard } from './mark-board';
import { cashBeforeOpening, openingOrder, type OpeningPosition } from './opening-positions';
import { OrderIdSequence } from './order-ids';
import { referencePriceOf, screenOrder, type RiskGateState } from './risk-gate';
import { TradingBook } from './trading-book';

export interface TradingEvents {
  order(order: Order): void;
  fill(fill: Fill): void;
  killSwitch(state: KillSwitchState): void;
  portfolioChanged(): void;
}

export interface OrderManagerOptions {
  journal: TradingJournal;
  broker: Broker;
  clock: Clock;
  logger: Logger;
  createLedger: () => Ledger;
  instrument: (symbol: string) => InstrumentSpec | null;
  limits: () => RiskLimits;
  marks: MarkBoard;
  tradingDayOf: (time: number) => string;
  /** Client order ids when the caller gives none: unique forever (brokers refuse reuse). */
  newClientOrderId: () => string;
  /** The paper account's opening deposit, journaled once on the first start. */
  openingCash: () => Money | null;
  /** A real account's positions at the first start (taken over as opening fills). */
  openingPositions?: () => readonly OpeningPosition[];
  events: TradingEvents;
}

const ONE = new Decimal(1);

/**
 * The one path every order takes: validation → pre-trade risk → journal → broker. Brokers
 * only report; each report passes the order state machine and is journaled together with
 * its fill before anyone hears of it. A command is acknowledged (returned) only after the
 * commit of everything it caused.
 */
export class OrderManager {
  private book = new TradingBook();
  private ledger: Ledger;
  private ids = new OrderIdSequence();
  private kill: KillSwitchState = KILL_SWITCH_OFF;
  /** Equity the daily-loss limit counts from: the day's start, or the last kill-switch reset. */
  private lossBase: { day: string; equity: Money } | null = null;
  private recent: Order[] = [];
  private readonly unit: JournalUnit;
  private stopReports: () => void = () => {};
  /** Set while a replayable source drives the market: journaled with every unit. */
  private cursor: { name: string; position: number } | null = null;

  constructor(private readonly options: OrderManagerOptions) {
    this.ledger = options.createLedger();
    this.unit = new JournalUnit(options.journal, (error) => this.recoverAfterFailedCommit(error));
  }

  /** Rebuilds the books from the journal and hands working orders back to the broker. */
  async start(): Promise<void> {
    this.load();
    if (this.ledger.cashMovementCount() === 0) this.openAccount();
    this.stopReports = this.options.broker.onReport((report) => this.onReport(report));
    const open = this.book.open();
    await this.options.broker.restore(open.filter((order) => order.status !== 'pending_new'));
    // Journaled but never handed over (a crash between the two): hand them over now, entries
    // before their legs (the book keeps journal order).
    for (const order of open.filter((candidate) => candidate.status === 'pending_new')) {
      const replaced = order.replaces === null ? undefined : this.book.get(order.replaces);
      await this.send(() => (replaced && isOpen(replaced) ? this.options.broker.replace(replaced, order) : this.options.broker.submit(order)));
    }
  }

  stop(): void {
    this.stopReports();
  }

  /** The first start: the opening deposit and positions, journaled in one unit. */
  private openAccount(): void {
    const opening = this.options.openingCash();
    if (!opening) return;
    const held = this.options.openingPositions?.() ?? [];
    const now = this.options.clock.now();
    const movement = { id: 'opening-deposit', amount: cashBeforeOpening(opening, held), time: now, note: 'Opening cash' };
    const opened = held.map((position) => openingOrder(position, this.ids.take(), now));
    this.options.journal.append([
      { kind: 'cash', movement },
      ...opened.flatMap(({ order, fill }) => [{ kind: 'order' as const, order, event: 'opening', time: now }, { kind: 'fill' as const, fill }]),
    ]);
    this.ledger.deposit(movement.amount, movement.time);
    for (const { order, fill } of opened) {
      this.book.put(order);
      this.book.addFill(fill);
      this.ledger.applyFill(fill);
    }
  }

  // --- queries --------------------------------------------------------------------------

  get books(): { ledger: Ledger; book: TradingBook; killSwitch: KillSwitchState } {
    return { ledger: this.ledger, book: this.book, killSwitch: this.kill };
  }

  riskDayPnl(): Money {
    const equity = this.ledger.equity();
    const base = this.lossBase;
    if (base && base.day === this.options.tradingDayOf(this.options.clock.now())) return money(equity.minus(base.equity));
    return this.ledger.dayPnl();
  }

  /** What placing this would do now, without doing it. */
  screen(request: PlaceOrder): { order: Order; rejection: Rejection | null; spec: InstrumentSpec | null } {
    const spec = this.options.instrument(request.symbol);
    const order = this.draft(request, spec, 'preview', 'preview');
    return { order, rejection: screenOrder(order, request, this.gateState(), this.options.instrument), spec };
  }

  // --- commands -------------------------------------------------------------------------

  async place(request: PlaceOrder): Promise<Order> {
    if (request.clientOrderId !== undefined) {
      const known = this.book.byClientOrderId(request.clientOrderId);
      if (known) return known; // a retry of the same intent: never a second order
      if (this.options.journal.hasClientOrderId(request.clientOrderId)) {
        throw new DomainError('CONFLICT', `Client order id ${request.clientOrderId} was used before`);
      }
    }
    const spec = this.options.instrument(request.symbol);
    const order = this.draft(request, spec, this.ids.take(), request.clientOrderId ?? this.options.newClientOrderId());
    const rejection = screenOrder(order, request, this.gateState(), this.options.instrument);
    if (rejection) {
      this.unit.run(() => this.track({ ...order, status: 'rejected', rejection }, 'risk_rejected'), () => this.cursorEntries());
      return this.require(order.id);
    }
    const legs = exitLegs(order, request, () => this.ids.take());
    this.unit.run(() => {
      for (const placed of [order, ...legs]) this.track(placed, 'submitted');
    }, () => this.cursorEntries());
    this.recent.push(order);
    await this.send(() => this.options.broker.submit(order));
    for (const leg of legs) await this.send(() => this.options.broker.submit(leg));
    return this.require(order.id);
  }

  async cancel(id: string): Promise<Order> {
    const order = this.require(id);
    if (!isOpen(order)) throw new DomainError('CONFLICT', `Order ${id} is ${order.status}, not working`);
    await this.send(() => this.options.broker.cancel(order));
    return this.require(id);
  }

  async replace(patch: ReplaceOrder): Promise<Order> {
    const old = this.require(patch.id);
    const invalid = validateReplace(old, patch);
    if (invalid) throw new DomainError('CONFLICT', invalid.message);
    if (patch.clientOrderId !== undefined && this.options.journal.hasClientOrderId(patch.clientOrderId)) {
      const known = this.book.byClientOrderId(patch.clientOrderId);
      if (known && known.replaces === old.id) return known; // a retry of the same modification
      throw new DomainError('CONFLICT', `Client order id ${patch.clientOrderId} was used before`);
    }
    const now = this.options.clock.now();
    const total = patch.quantity === undefined ? old.quantity : new Decimal(patch.quantity);
    const next: Order = {
      ...old,
      id: this.ids.take(),
      clientOrderId: patch.clientOrderId ?? this.options.newClientOrderId(),
      quantity: total.minus(old.filledQuantity) as Quantity,
      limitPrice: patch.limitPrice === undefined ? old.limitPrice : (new Decimal(patch.limitPrice) as Price),
      stopPrice: patch.stopPrice === undefined ? old.stopPrice : (new Decimal(patch.stopPrice) as Price),
      trailAmount: patch.trailAmount === undefined ? old.trailAmount : (new Decimal(patch.trailAmount) as Price),
      trailPercent: patch.trailPercent === undefined ? old.trailPercent : new Decimal(patch.trailPercent),
      timeInForce: patch.timeInForce ?? old.timeInForce,
      status: 'pending_new',
      filledQuantity: new Decimal(0) as Quantity,
      averageFillPrice: null,
      commission: new Decimal(0) as Money,
      replaces: old.id,
      replacedBy: null,
      rejection: null,
      createdAt: now,
      updatedAt: now,
    };
    const rejection = screenOrder(next, null, this.gateState(), this.options.instrument);
    if (rejection) throw new DomainError('CONFLICT', `${rejection.message} (${rejection.rule})`);
    this.unit.run(() => this.track(next, 'submitted'), () => this.cursorEntries());
    await this.send(() => this.options.broker.replace(old, next));
    return this.require(next.id);
  }

  async cancelAll(symbol?: string): Promise<number> {
    let canceled = 0;
    // Entries first: the broker cancels their un-armed exit legs with them.
    const working = this.book.open().filter((order) => symbol === undefined || order.symbol === symbol);
    working.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const order of working) {
      const current = this.require(order.id);
      if (!isOpen(current)) continue;
      await this.send(() => this.options.broker.cancel(current));
      if (!isOpen(this.require(order.id))) canceled += 1;
    }
    return canceled;
  }

  /** Cancels the symbol's working orders and closes the position at market. */
  async closePosition(symbol: string): Promise<Order | null> {
    await this.cancelAll(symbol);
    const held = this.ledger.position(symbol)?.quantity;
    if (!held || held.isZero()) return null;
    return this.place({
      symbol,
      side: held.greaterThan(0) ? 'sell' : 'buy',
      type: 'market',
      timeInForce: 'day',
      quantity: held.abs().toFixed(),
      extendedHours: false,
      orderClass: 'simple',
      source: 'system',
    });
  }

  async tripKillSwitch(reason: string): Promise<KillSwitchState> {
    if (this.kill.tripped) return this.kill;
    const state: KillSwitchState = { tripped: true, reason, trippedAt: this.options.clock.now() };
    this.unit.run(() => {
      this.kill = state;
      this.unit.record({ kind: 'kill_switch', state, time: state.trippedAt ?? 0 });
      this.unit.afterCommit(() => this.options.events.killSwitch(state));
    });
    this.options.logger.warn('Kill switch tripped', { reason });
    await this.cancelAll();
    return this.kill;
  }

  resetKillSwitch(): KillSwitchState {
    const now = this.options.clock.now();
    this.unit.run(() => {
      this.kill = KILL_SWITCH_OFF;
      // The daily loss counts again from here, or the next order would trip it at once.
      this.lossBase = { day: this.options.tradingDayOf(now), equity: this.ledger.equity() };
      this.unit.record({ kind: 'kill_switch', state: KILL_SWITCH_OFF, time: now });
      this.unit.afterCommit(() => this.options.events.killSwitch(KILL_SWITCH_OFF));
    });
    this.options.logger.info('Kill switch reset');
    return this.kill;
  }

  /** Timers and marks: a new day, the daily-loss limit. Called a few times a second. */
  async tick(): Promise<void> {
    this.ledger.rollDay(this.options.clock.now());
    await this.checkDailyLoss();
  }

  /** Journals a replayable feed's position with every unit of work from now on. */
  setCursor(name: string, position: number): void {
    this.cursor = { name, position };
  }

  /** Runs market-driven broker work (fills on a market event) as one unit of work. */
  onMarket(work: () => void): void {
    this.unit.run(work, () => this.cursorEntries());
  }

  // --- internals ------------------------------------------------------------------------

  private draft(request: PlaceOrder, spec: InstrumentSpec | null, id: string, clientOrderId: string): Order {
    const tick = spec?.tickSize ?? new Decimal('0.01');
    const limitOrStop = request.limitPrice ?? request.stopPrice;
    const reference = referencePriceOf(
      { limitPrice: limitOrStop === undefined ? null : (new Decimal(limitOrStop) as Price), stopPrice: null },
      this.options.marks.price(request.symbol, tick),
    );
    return orderFromRequest(request, { id, clientOrderId }, this.options.clock.now(), spec?.lotSize ?? ONE, reference);
  }

  private gateState(): RiskGateState {
    return {
      book: this.book,
      ledger: this.ledger,
      marks: this.options.marks,
      limits: this.options.limits(),
      killSwitch: this.kill,
      dayPnl: this.riskDayPnl(),
      recent: this.recent,
      now: this.options.clock.now(),
    };
  }

  /** Hands work to the broker inside one unit, so synchronous reports commit together. */
  private async send(call: () => Promise<void> | void): Promise<void> {
    const pending = this.unit.run(call, () => this.cursorEntries());
    if (pending) await pending;
  }

  private track(order: Order, event: string): void {
    this.book.put(order);
    this.ids.observe(order.id);
    this.unit.record({ kind: 'order', order, event, time: order.updatedAt });
    this.unit.afterCommit(() => this.options.events.order(order));
  }

  private onReport(report: ExecutionReport): void {
    this.unit.run(() => this.applyReportNow(report), () => this.cursorEntries());
  }

  private applyReportNow(report: ExecutionReport): void {
    const order = this.book.get(report.orderId);
    if (!order) {
      this.options.logger.warn('A report for an unknown order was ignored', { orderId: report.orderId, kind: report.kind });
      return;
    }
    const result = applyReport(order, report);
    if (!result.ok) {
      this.options.logger.warn('A report the order state machine refuses was ignored', { orderId: order.id, kind: report.kind, reason: result.reason });
      return;
    }
    const fill = result.fill;
    if (fill && !this.book.addFill(fill)) {
      this.options.logger.warn('A fill booked before was ignored', { fillId: fill.id });
      return;
    }
    this.track(result.order, report.kind);
    if (!fill) return;
    this.unit.record({ kind: 'fill', fill });
    this.ledger.applyFill(fill);
    this.unit.afterCommit(() => {
      this.options.events.fill(fill);
      this.options.events.portfolioChanged();
    });
  }

  private async checkDailyLoss(): Promise<void> {
    if (this.kill.tripped) return;
    const verdict = shouldTripKillSwitch(this.riskDayPnl(), this.options.limits());
    if (verdict.trip) await this.tripKillSwitch(verdict.reason);
  }

  private cursorEntries(): JournalEntry[] {
    return this.cursor ? [{ kind: 'cursor', name: this.cursor.name, position: this.cursor.position }] : [];
  }

  private require(id: string): Order {
    const order = this.book.get(id);
    if (!order) throw new DomainError('NOT_FOUND', `No order ${id}`);
    return order;
  }

  private load(): void {
    const state = this.options.journal.load();
    this.book = new TradingBook();
    this.ledger = this.options.createLedger();
    for (const movement of state.cash) this.ledger.deposit(movement.amount, movement.time);
    for (const order of state.orders) {
      this.book.put(order);
      this.ids.observe(order.id);
    }
    for (const fill of state.fills) {
      if (this.book.addFill(fill)) this.ledger.applyFill(fill);
    }
    this.kill = state.killSwitch ?? KILL_SWITCH_OFF;
    this.restoreDayStart();
    const window = this.options.limits().duplicateWindowMs;
    const now = this.options.clock.now();
    this.recent = state.orders.filter((order) => order.status !== 'rejected' && now - order.createdAt <= window);
  }

  /**
   * Day P&L survives a restart: today began with today's first stored equity snapshot, or,
   * before there is one, with the last snapshot of an earlier day (that day's close).
   */
  private restoreDayStart(): void {
    const today = this.options.tradingDayOf(this.options.clock.now());
    const points = this.options.journal.equityHistory(2_000);
    const first = points.find((point) => this.options.tradingDayOf(point.time) === today) ?? points.at(-1);
    if (first) this.ledger.restoreDay(today, money(first.equity));
  }

  private recoverAfterFailedCommit(error: unknown): void {
    this.options.logger.error('The journal refused a write; rebuilding the books from it', { error: String(error) });
    this.load();
    void Promise.resolve(this.options.broker.restore(this.book.open())).catch((restoreError: unknown) =>
      this.options.logger.error('Could not re-arm working orders', { error: String(restoreError) }),
    );
  }

}
