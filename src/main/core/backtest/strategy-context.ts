import type { ParamValues } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import type { OrderDto } from '@shared/dto/trading';
import type { Decimal } from '@shared/money/decimal';
import { orderToDto } from '../trading/model/order';
import type { IndicatorApi, OrderApi, PortfolioView, SeriesView, StrategyContext, StrategyOrder } from '../strategy/strategy-api';
import { ColumnsView } from './series-view';
import type { SimAccount } from './sim-account';
import type { SimBroker } from './sim-broker';

const EMPTY = new ColumnsView({ length: 0, time: new Float64Array(0), open: new Float64Array(0), high: new Float64Array(0), low: new Float64Array(0), close: new Float64Array(0), volume: new Float64Array(0) });

/** What the context reads from the run as it goes. */
export interface RunClock {
  /** The current bar's close time. */
  now: number;
  /** False during the warm-up: orders are ignored. */
  tradable: boolean;
}

export type RunLog = (message: string, fields?: Record<string, string | number | boolean>) => void;

export interface ContextParts {
  params: ParamValues;
  symbols: readonly string[];
  timeframe: Timeframe;
  clock: RunClock;
  views: readonly ColumnsView[];
  indicators: IndicatorApi;
  account: SimAccount;
  broker: SimBroker;
  log: RunLog;
}

/**
 * The parts are classes, not object literals of fresh closures: every run then has the same
 * hidden classes and the same method functions, so code V8 optimised in one run (a strategy
 * calling ctx.portfolio.position, say) stays valid in the next. Their state is in #private
 * fields: a strategy reaches the books and the broker only through the API, as with closures.
 */
class Portfolio implements PortfolioView {
  readonly #account: SimAccount;
  readonly #index: ReadonlyMap<string, number>;
  constructor(account: SimAccount, index: ReadonlyMap<string, number>) {
    this.#account = account;
    this.#index = index;
  }
  cash(): Decimal {
    return this.#account.cash;
  }
  cashValue(): number {
    return this.#account.cashF;
  }
  equity(): Decimal {
    return this.#account.equity();
  }
  position(symbol: string): Decimal {
    return this.#account.quantity(this.#index.get(symbol) ?? -1);
  }
}

class Orders implements OrderApi {
  readonly #clock: RunClock;
  readonly #broker: SimBroker;
  readonly #log: RunLog;
  #warned = false;
  constructor(clock: RunClock, broker: SimBroker, log: RunLog) {
    this.#clock = clock;
    this.#broker = broker;
    this.#log = log;
  }
  submit(order: StrategyOrder): string {
    if (this.#clock.tradable) return this.#broker.submit(order, this.#clock.now);
    if (!this.#warned) this.#log('Orders during the warm-up (before the start of the test) are ignored');
    this.#warned = true;
    return '';
  }
  cancel(clientOrderId: string): void {
    this.#broker.cancel(clientOrderId, this.#clock.now);
  }
  cancelAll(symbol?: string): void {
    this.#broker.cancelAll(symbol, this.#clock.now);
  }
  open(): readonly OrderDto[] {
    return this.#broker.openOrders().map(orderToDto);
  }
}

/** The StrategyContext of a backtest: the same API the paper and live runners give. */
class BacktestContext implements StrategyContext {
  readonly params: ParamValues;
  readonly symbols: readonly string[];
  readonly timeframe: Timeframe;
  readonly indicators: IndicatorApi;
  readonly portfolio: Portfolio;
  readonly orders: Orders;
  readonly log: RunLog;
  readonly #clock: RunClock;
  readonly #views: readonly ColumnsView[];
  readonly #index: ReadonlyMap<string, number>;

  constructor(parts: ContextParts) {
    this.params = parts.params;
    this.symbols = parts.symbols;
    this.timeframe = parts.timeframe;
    this.indicators = parts.indicators;
    this.log = parts.log;
    this.#clock = parts.clock;
    this.#views = parts.views;
    this.#index = new Map(parts.symbols.map((symbol, k) => [symbol, k]));
    this.portfolio = new Portfolio(parts.account, this.#index);
    this.orders = new Orders(parts.clock, parts.broker, parts.log);
  }
  now(): number {
    return this.#clock.now;
  }
  history(symbol: string): SeriesView {
    return this.#views[this.#index.get(symbol) ?? -1] ?? EMPTY;
  }
}

export function backtestContext(parts: ContextParts): StrategyContext {
  return new BacktestContext(parts);
}
