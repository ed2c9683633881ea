import type { ParamValues } from '@shared/dto/backtest';
import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import { PlaceOrder, type OrderDto } from '@shared/dto/trading';
import { Decimal } from '@shared/money/decimal';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Bar } from '../market-data/types';
import type { OrderManager } from '../trading/execution/order-manager';
import { isOpen, orderToDto, type Order } from '../trading/model/order';
import { refusedOrder } from '../backtest/order-intake';
import { createIndicatorRuntime, type IndicatorRuntime } from './indicator-runtime';
import type { BarEvent, OrderApi, PortfolioView, SeriesView, Strategy, StrategyContext, StrategyDefinition, StrategyOrder, TickEvent } from './strategy-api';

export interface StrategyRunnerOptions {
  /** Names this run's orders: client order ids are `${runId}-${n}` (n from 1, past ones skipped). */
  runId: string;
  definition: StrategyDefinition;
  /** Validated, defaults applied (see params.ts). */
  params: ParamValues;
  symbols: readonly string[];
  timeframe: Timeframe;
  manager: Pick<OrderManager, 'place' | 'cancel' | 'books'>;
  /** The manager's clock: `now()` outside bar callbacks (order updates, start, stop). */
  clock: Clock;
  logger: Logger;
  /** Something the strategy threw (the runner then stops calling it), or a failed order command. */
  onError?: (error: unknown) => void;
  /** Bars kept per symbol for `history` (older ones are dropped). Default 10,000. */
  maxHistory?: number;
}

const ZERO = new Decimal(0);

/**
 * Runs one strategy on an order manager: the paper or a live broker behind it, or a
 * backtest's. Orders go through `manager.place` with source 'strategy', so the ticket's
 * validation and risk checks apply; a risk rejection is an order update, not an exception.
 *
 * The host feeds FINISHED bars to `onBar` (after the broker has seen them) and the manager's
 * order events to `onOrder`. Order updates are delivered after the callback that caused them
 * returns, never inside it, in the order they happened. Environment-agnostic: no timers, no I/O.
 */
export class StrategyRunner {
  private readonly strategy: Strategy;
  private readonly context: StrategyContext;
  private readonly indicators: IndicatorRuntime = createIndicatorRuntime();
  private readonly series = new Map<string, BarSeries>();
  private readonly prefix: string;
  private readonly own = new Set<string>();
  private readonly updates: Order[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  private nextNumber = 1;
  private eventTime: number | null = null;
  private busy = false;
  private warmingUp = false;
  private warnedWarmUp = false;
  private state: 'new' | 'running' | 'stopped' | 'failed' = 'new';
  private failure: unknown = null;

  constructor(private readonly options: StrategyRunnerOptions) {
    this.prefix = `${options.runId}-`;
    const capacity = options.maxHistory ?? 10_000;
    for (const symbol of options.symbols) this.series.set(symbol, new BarSeries(capacity));
    this.context = this.createContext();
    this.strategy = options.definition.create(options.params);
  }

  /** Adopts this run's orders from earlier sessions (numbering continues after them), then onStart. */
  start(): void {
    if (this.state !== 'new') return;
    for (const order of this.options.manager.books.book.orders.values()) {
      if (!this.owns(order)) continue;
      this.own.add(order.id);
      const n = Number(order.clientOrderId.slice(this.prefix.length));
      if (Number.isInteger(n) && n >= this.nextNumber) this.nextNumber = n + 1;
    }
    this.state = 'running';
    this.call(() => this.strategy.onStart?.(this.context));
  }

  /**
   * A finished bar. Bars of other symbols or timeframes are ignored. A warm-up bar (before
   * the start of trading) reaches onBar like any other, as in a backtest, but orders sent on
   * it are ignored: the strategy's state and indicators warm up exactly as they do there.
   */
  onBar(symbol: string, timeframe: Timeframe, bar: Bar, options: { warmUp?: boolean } = {}): void {
    const series = this.series.get(symbol);
    if (!series || timeframe !== this.options.timeframe || this.state !== 'running') return;
    series.push(bar);
    this.indicators.onBar(symbol, bar);
    const event: BarEvent = { symbol, timeframe, time: bar.time, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume };
    this.eventTime = bar.time + TIMEFRAME_MS[timeframe];
    this.warmingUp = options.warmUp === true;
    this.call(() => this.strategy.onBar?.(this.context, event));
    this.warmingUp = false;
    this.eventTime = null;
  }

  onTick(tick: TickEvent): void {
    if (this.state !== 'running' || !this.series.has(tick.symbol)) return;
    this.eventTime = tick.time;
    this.call(() => this.strategy.onTick?.(this.context, tick));
    this.eventTime = null;
  }

  /** Every order event of the manager; those of this run's orders reach `onOrderUpdate` (from 'accepted' on). */
  onOrder(order: Order): void {
    if (!this.owns(order)) return;
    this.own.add(order.id);
    // The journaled-not-yet-acknowledged state is the manager's business; strategies hear
    // from acceptance on, as in backtests (the same updates in both runtimes).
    if (order.status === 'pending_new') return;
    this.updates.push(order);
    if (!this.busy) this.drain();
  }

  stop(): void {
    if (this.state !== 'running') return;
    this.call(() => this.strategy.onStop?.(this.context));
    if (this.state === 'running') this.state = 'stopped';
  }

  /** Resolves when every order command sent so far has been acknowledged. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  get status(): { state: 'new' | 'running' | 'stopped' | 'failed'; error: unknown } {
    return { state: this.state, error: this.failure };
  }

  // --- internals ------------------------------------------------------------------------

  private owns(order: Order): boolean {
    if (this.own.has(order.id) || order.clientOrderId.startsWith(this.prefix)) return true;
    // Exit legs and replacements (a user modifying the strategy's order) stay the strategy's.
    return (order.parentId !== null && this.own.has(order.parentId)) || (order.replaces !== null && this.own.has(order.replaces));
  }

  /** Runs a strategy callback; then delivers the order updates it caused. */
  private call(callback: () => void): void {
    if (this.busy) throw new Error('StrategyRunner: a callback ran inside another');
    this.busy = true;
    try {
      callback();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
    this.drain();
  }

  private drain(): void {
    while (this.updates.length > 0 && this.state === 'running') {
      const order = this.updates.shift();
      if (!order) break;
      const dto = orderToDto(order);
      this.call(() => this.strategy.onOrderUpdate?.(this.context, dto));
    }
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.failure = error;
    this.updates.length = 0;
    this.options.logger.error('Strategy failed and was stopped', { runId: this.options.runId, error: String(error) });
    this.options.onError?.(error);
  }

  /** Runs an order command without waiting; its failure is reported, not thrown at the strategy. */
  private track(command: Promise<unknown>): void {
    const settled = command.then(
      () => undefined,
      (error: unknown) => {
        this.options.logger.warn('A strategy order command failed', { runId: this.options.runId, error: String(error) });
        this.options.onError?.(error);
      },
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }

  private submit(order: StrategyOrder): string {
    if (this.warmingUp) {
      if (!this.warnedWarmUp) this.options.logger.info('Orders during the warm-up are ignored', { runId: this.options.runId });
      this.warnedWarmUp = true;
      return '';
    }
    const clientOrderId = `${this.prefix}${this.nextNumber}`;
    this.nextNumber += 1;
    const parsed = PlaceOrder.safeParse({ ...order, clientOrderId, source: 'strategy' });
    if (parsed.success) {
      this.track(this.options.manager.place(parsed.data));
      return clientOrderId;
    }
    // Refused before the manager (as in backtests): a rejected order for the strategy only;
    // the journal never sees it, as it never sees a ticket the form refused.
    const issue = parsed.error.issues[0];
    const message = issue ? `${issue.path.join('.') || 'order'}: ${issue.message}` : 'Invalid order';
    const ids = { id: `${clientOrderId}-refused`, clientOrderId };
    const refused = refusedOrder(order, ids, this.context.now(), { rule: 'invalid_order', message, limit: null, actual: null });
    this.own.add(refused.id);
    this.updates.push(refused);
    if (!this.busy) this.drain();
    return clientOrderId;
  }

  private cancel(clientOrderId: string): void {
    const order = this.options.manager.books.book.byClientOrderId(clientOrderId);
    if (!order || !this.owns(order) || !isOpen(order)) return;
    this.track(this.options.manager.cancel(order.id));
  }

  /** Only this strategy's orders, entries before their exit legs (as the manager does). */
  private cancelAll(symbol?: string): void {
    const working = this.openOrders().filter((order) => symbol === undefined || order.symbol === symbol);
    working.sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const order of working) this.track(this.cancelIfOpen(order.id));
  }

  private async cancelIfOpen(id: string): Promise<void> {
    const current = this.options.manager.books.book.get(id);
    if (current && isOpen(current)) await this.options.manager.cancel(id);
  }

  private openOrders(): Order[] {
    return this.options.manager.books.book.open().filter((order) => this.owns(order));
  }

  private createContext(): StrategyContext {
    const { manager, params, symbols, timeframe } = this.options;
    const portfolio: PortfolioView = {
      cash: () => manager.books.ledger.cash(),
      cashValue: () => manager.books.ledger.cash().toNumber(),
      equity: () => manager.books.ledger.equity(),
      position: (symbol) => manager.books.ledger.position(symbol)?.quantity ?? ZERO,
    };
    const orders: OrderApi = {
      submit: (order) => this.submit(order),
      cancel: (clientOrderId) => this.cancel(clientOrderId),
      cancelAll: (symbol) => this.cancelAll(symbol),
      open: (): readonly OrderDto[] => this.openOrders().map(orderToDto),
    };
    const logger = this.options.logger;
    return {
      params,
      symbols,
      timeframe,
      now: () => this.eventTime ?? this.options.clock.now(),
      history: (symbol) => this.series.get(symbol) ?? EMPTY_SERIES,
      indicators: this.indicators.api,
      portfolio,
      orders,
      log: (message, fields) => logger.info(message, { runId: this.options.runId, ...fields }),
    };
  }
}

type Field = 'time' | 'open' | 'high' | 'low' | 'close' | 'volume';
const FIELDS: readonly Field[] = ['time', 'open', 'high', 'low', 'close', 'volume'];

/** A symbol's finished bars, newest last, at most `capacity` of them (a ring). */
class BarSeries implements SeriesView {
  private readonly columns: Record<Field, Float64Array>;
  private count = 0;

  constructor(private readonly capacity: number) {
    const column = () => new Float64Array(capacity);
    this.columns = { time: column(), open: column(), high: column(), low: column(), close: column(), volume: column() };
  }

  get length(): number {
    return Math.min(this.count, this.capacity);
  }

  push(bar: Bar): void {
    const slot = this.count % this.capacity;
    for (const key of FIELDS) this.columns[key][slot] = bar[key];
    this.count += 1;
  }

  time(back = 0): number {
    return this.at('time', back);
  }
  open(back = 0): number {
    return this.at('open', back);
  }
  high(back = 0): number {
    return this.at('high', back);
  }
  low(back = 0): number {
    return this.at('low', back);
  }
  close(back = 0): number {
    return this.at('close', back);
  }
  volume(back = 0): number {
    return this.at('volume', back);
  }

  /** NaN beyond the history held (like an indicator still warming up). */
  private at(key: Field, back: number): number {
    if (!Number.isInteger(back) || back < 0 || back >= this.length) return Number.NaN;
    return this.columns[key][(this.count - 1 - back) % this.capacity] ?? Number.NaN;
  }
}

const EMPTY_SERIES: SeriesView = {
  length: 0,
  time: () => Number.NaN,
  open: () => Number.NaN,
  high: () => Number.NaN,
  low: () => Number.NaN,
  close: () => Number.NaN,
  volume: () => Number.NaN,
};
