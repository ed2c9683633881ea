import type { ParamValues } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import { orderToDto } from '../trading/model/order';
import type { IndicatorApi, SeriesView, StrategyContext, StrategyOrder } from '../strategy/strategy-api';
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

export interface ContextParts {
  params: ParamValues;
  symbols: readonly string[];
  timeframe: Timeframe;
  clock: RunClock;
  views: readonly ColumnsView[];
  indicators: IndicatorApi;
  account: SimAccount;
  broker: SimBroker;
  log: (message: string, fields?: Record<string, string | number | boolean>) => void;
}

/** The StrategyContext of a backtest: the same API the paper and live runners give. */
export function backtestContext(parts: ContextParts): StrategyContext {
  const { clock, account, broker } = parts;
  const index = new Map(parts.symbols.map((symbol, k) => [symbol, k]));
  let warned = false;
  return {
    params: parts.params,
    symbols: parts.symbols,
    timeframe: parts.timeframe,
    now: () => clock.now,
    history: (symbol): SeriesView => parts.views[index.get(symbol) ?? -1] ?? EMPTY,
    indicators: parts.indicators,
    portfolio: {
      cash: () => account.cash,
      cashValue: () => account.cashF,
      equity: () => account.equity(),
      position: (symbol) => account.quantity(index.get(symbol) ?? -1),
    },
    orders: {
      submit(order: StrategyOrder): string {
        if (clock.tradable) return broker.submit(order, clock.now);
        if (!warned) parts.log('Orders during the warm-up (before the start of the test) are ignored');
        warned = true;
        return '';
      },
      cancel: (clientOrderId) => broker.cancel(clientOrderId, clock.now),
      cancelAll: (symbol) => broker.cancelAll(symbol, clock.now),
      open: () => broker.openOrders().map(orderToDto),
    },
    log: parts.log,
  };
}
