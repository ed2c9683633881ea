import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import { exitLegs } from '../trading/execution/order-factory';
import type { ExecutionReport } from '../trading/model/execution-report';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import type { Order } from '../trading/model/order';
import type { Tape } from '../trading/paper/market-state';
import { Venue } from '../trading/paper/venue';
import { VenueBook } from '../trading/paper/venue-book';
import { workingOrder } from '../trading/paper/working-order';
import type { StrategyOrder } from '../strategy/strategy-api';
import { FastLane } from './fast-lane';
import { fastOrderOf, toOrder, toWorking, type FastOrder } from './fast-order';
import { refusedOrder, screenStrategyOrder } from './order-intake';
import type { MutableBar } from './series-view';
import type { SimAccount } from './sim-account';

/** One function for every run: a call site optimised in one run stays valid in the next. */
const NOTHING = (): void => undefined;

export interface SimBrokerOptions {
  account: SimAccount;
  specs: readonly InstrumentSpec[];
  slippage: SlippageModel;
  commission: CommissionModel;
  daily: boolean;
  tradingDayOf: (time: number) => string;
  /** Called with each change of an order (a copy is the caller's business); null: nobody listens. */
  onOrder: ((order: Order) => void) | null;
  /** false: every order through the venue (for tests comparing the two). */
  fastLane?: boolean;
}

/**
 * The backtest's broker: the paper venue's own matching engine (Venue and VenueBook, so
 * triggers, gap rules, slippage, volume caps, commission and multi-leg handling are exactly
 * the paper broker's) driven by the backtest's bars. What differs from PaperBroker:
 *
 * - No matching at submit: an order decided on a bar works from the symbol's next bar on.
 * - Every bar is in the regular session (no session filter). day orders expire once a bar of
 *   a later trading day arrives than the first bar they could work on (so a day order sent on
 *   a day's last bar, or on a daily bar's close, works through the next day); opg and cls are
 *   refused (no auctions).
 * - A fill is stamped with its bar's open time.
 *
 * Simple market and limit orders go through the exact fast lane (fast-lane.ts) while the run's
 * models and books allow it; the first order or bar it cannot take moves its working orders to
 * the venue, which works everything from then on (fast-lane.test.ts runs both on the same
 * orders and compares).
 */
export class SimBroker {
  private readonly book = new VenueBook();
  private readonly venue: Venue;
  private readonly index = new Map<string, number>();
  /** Orders not yet ended: the venue's copies, by id; and ids by client order id. */
  private readonly live = new Map<string, Order>();
  private readonly byClientId = new Map<string, string>();
  /** day orders: the time of the first bar they could work on (the calendar is asked only from their second bar). */
  private readonly firstBar = new Map<string, number>();
  private readonly fast: FastLane;
  private fastMode: boolean;
  private events = 0;
  private seq = 0;
  private clientSeq = 0;

  constructor(private readonly options: SimBrokerOptions) {
    options.account.symbols.forEach((symbol, k) => this.index.set(symbol, k));
    this.fast = new FastLane({
      account: options.account,
      specs: options.specs,
      slippage: options.slippage,
      commission: options.commission,
      tradingDayOf: options.tradingDayOf,
      changed: options.onOrder === null ? NOTHING : (order) => options.onOrder?.(this.orderOf(order)),
    });
    this.fastMode = this.fast.available && options.fastLane !== false;
    this.venue = new Venue(this.book, (report) => this.onReport(report), {
      slippage: options.slippage,
      commission: options.commission,
      // Only tiered rates count a month's units: the other models never need the calendar here.
      monthOf: options.commission.model === 'tiered' ? (time) => options.tradingDayOf(time).slice(0, 7) : () => '',
      eventCount: () => this.events,
    });
  }

  /** True when the symbol has orders on the venue (the per-bar fast path skips it otherwise). */
  hasOrders(k: number, symbol: string): boolean {
    return this.fastMode ? this.fast.working[k]!.size > 0 : this.book.hasSymbol(symbol);
  }

  /** Expires due day orders of the bar's symbol, then works its orders in creation order on the bar. */
  onBar(k: number, bar: MutableBar): void {
    this.events += 1;
    if (this.fastMode) {
      if (this.options.account.exact && this.fast.onBar(k, bar)) return;
      this.toVenue();
    }
    const spec = this.options.specs[k]!;
    const prices = this.options.account.prices[k]!;
    const list = this.book.ofSymbol(bar.symbol);
    for (const working of list) {
      if (working.order.timeInForce !== 'day') continue;
      const first = this.firstBar.get(working.order.id);
      if (first === undefined) this.firstBar.set(working.order.id, bar.time);
      else if (this.book.get(working.order.id) === working && this.options.tradingDayOf(first) !== this.options.tradingDayOf(bar.time)) {
        this.venue.end(working, 'expired', bar.time);
      }
    }
    const tape: Tape = {
      source: 'bar',
      time: bar.time,
      daily: this.options.daily,
      open: prices.of(bar.open),
      high: prices.of(bar.high),
      low: prices.of(bar.low),
      close: prices.of(bar.close),
      volume: bar.volume,
    };
    const pass = this.venue.pass({ spec, tape, phase: 'regular', closeAt: null, opening: false, atSubmit: false });
    for (const working of list) {
      if (this.book.get(working.order.id) !== working || !working.armed || working.armedAt === this.events) continue;
      this.venue.evaluate(working, pass);
    }
  }

  /** Screens a strategy's order (and builds its legs); returns its client order id. */
  submit(input: StrategyOrder, now: number): string {
    const clientOrderId = input.clientOrderId ?? this.nextClientId();
    const ids = { id: this.nextId(), clientOrderId };
    const k = this.index.get(input.symbol);
    if (k === undefined || this.byClientId.has(clientOrderId) || (this.fastMode && this.fast.byClientId(clientOrderId))) {
      const message = k === undefined ? `${input.symbol} is not a symbol of this backtest` : `Client order id ${clientOrderId} is in use`;
      const rejected = refusedOrder(input, ids, now, { rule: 'invalid_order', message, limit: null, actual: null });
      this.options.onOrder?.(rejected);
      return clientOrderId;
    }
    if (this.fastMode && !this.options.account.exact) this.toVenue();
    const quick = this.fastMode ? this.fast.screen(input, ids, input.clientOrderId === undefined, k, now, this.book) : null;
    if (quick) {
      this.acceptFast(quick);
      return clientOrderId;
    }
    const open = this.openOrders();
    const working = open.filter((order) => order.symbol === input.symbol);
    const workingBuys = open.filter((order) => order.side === 'buy' && order.parentId === null);
    const intake = screenStrategyOrder(input, ids, { account: this.options.account, index: k, spec: this.options.specs[k]!, working, workingBuys, now });
    if (!intake.ok) {
      this.options.onOrder?.(intake.order);
      return clientOrderId;
    }
    const legs = exitLegs(intake.order, intake.request, () => this.nextId());
    const fast = this.fastMode && legs.length === 0 ? fastOrderOf(intake.order, k, this.options.account.tickPlaces[k]!, this.book.nextSeq()) : null;
    if (fast) {
      this.acceptFast(fast);
      return clientOrderId;
    }
    if (this.fastMode) this.toVenue();
    for (const order of [intake.order, ...legs]) this.accept(order, now);
    return clientOrderId;
  }

  cancel(clientOrderId: string, now: number): void {
    const fast = this.fastMode ? this.fast.byClientId(clientOrderId) : undefined;
    if (fast) {
      this.fast.end(fast, 'canceled', now);
      return;
    }
    const id = this.byClientId.get(clientOrderId);
    const working = id === undefined ? undefined : this.book.get(id);
    if (working) this.venue.end(working, 'canceled', now, 'strategy');
  }

  /** Entries first: the venue cancels their held exit legs with them. */
  cancelAll(symbol: string | undefined, now: number): void {
    if (this.fastMode) {
      for (const order of this.fast.all()) if (symbol === undefined || order.symbol === symbol) this.fast.end(order, 'canceled', now);
      return;
    }
    const list = this.book.all().filter((w) => symbol === undefined || w.order.symbol === symbol);
    list.sort((a, b) => Number(a.order.parentId !== null) - Number(b.order.parentId !== null));
    for (const working of list) if (this.book.get(working.order.id) === working) this.venue.end(working, 'canceled', now, 'strategy');
  }

  openOrders(): Order[] {
    if (this.fastMode) return this.fast.all().map((order) => this.orderOf(order));
    return this.book.all().map((working) => working.order);
  }

  private orderOf(order: FastOrder): Order {
    return toOrder(order, this.options.account.tickPlaces[order.index]!, this.options.account.cashPlaces);
  }

  private acceptFast(order: FastOrder): void {
    this.fast.add(order);
    this.options.onOrder?.(this.orderOf(order));
  }

  /** Hands the fast lane's working orders to the venue, which works every order from here on. */
  private toVenue(): void {
    const { account } = this.options;
    for (const order of this.fast.all()) {
      const working = toWorking(order, account.tickPlaces[order.index]!, account.cashPlaces);
      this.book.add(working);
      this.live.set(order.id, working.order);
      this.byClientId.set(order.clientOrderId, order.id);
      if (!Number.isNaN(order.firstBar)) this.firstBar.set(order.id, order.firstBar);
    }
    for (const list of this.fast.working) list.clear();
    this.fastMode = false;
  }

  private accept(order: Order, now: number): void {
    const working = workingOrder({ ...order, status: 'accepted', updatedAt: now }, this.book.nextSeq(), '');
    const leg = this.venue.legState(working);
    if (leg.kind === 'reject') {
      this.book.remember(order, 'rejected');
      this.options.onOrder?.({ ...order, status: 'rejected', rejection: { rule: 'broker', message: leg.reason, limit: null, actual: null } });
      return;
    }
    this.book.add(working);
    this.live.set(order.id, working.order);
    this.byClientId.set(order.clientOrderId, order.id);
    this.options.onOrder?.(working.order);
    if (leg.kind === 'cancel') this.venue.end(working, 'canceled', now, leg.reason);
    else if (leg.kind === 'held') working.armed = false;
    else if (leg.exitOfEntry) working.armedAt = this.events;
  }

  private onReport(report: ExecutionReport): void {
    const order = this.live.get(report.orderId);
    if (!order) return;
    switch (report.kind) {
      case 'fill': {
        const fill = { id: report.fillId, orderId: order.id, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, quantity: report.quantity, price: report.price, commission: report.commission, time: report.time };
        this.options.account.applyFill(this.index.get(order.symbol)!, fill);
        break;
      }
      case 'canceled':
      case 'expired':
        order.status = report.kind;
        order.updatedAt = report.time;
        break;
      default:
        break;
    }
    this.options.onOrder?.(order);
    if (order.status === 'filled' || order.status === 'canceled' || order.status === 'expired') this.forget(order);
  }

  private forget(order: Order): void {
    this.live.delete(order.id);
    this.byClientId.delete(order.clientOrderId);
    this.firstBar.delete(order.id);
  }

  private nextId(): string {
    this.seq += 1;
    return `O${this.seq}`;
  }

  private nextClientId(): string {
    this.clientSeq += 1;
    return `bt-${this.clientSeq}`;
  }
}
