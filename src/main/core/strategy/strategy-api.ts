import type { ParamSpec, ParamValues } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import type { OrderDto, PlaceOrderInput } from '@shared/dto/trading';
import type { Decimal } from '@shared/money/decimal';

/**
 * The one API strategies are written against. The same strategy object runs in a backtest,
 * on the paper broker and on a live broker: only the runtime behind `StrategyContext` (clock,
 * feed, broker) changes, chosen in one composition root. Market data are floats; money and
 * quantities are decimals.
 */

/** A finished bar. The runtime may reuse the object between calls: copy what you keep. */
export interface BarEvent {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** The bar's open, UTC ms. */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

export interface TickEvent {
  readonly symbol: string;
  readonly time: number;
  readonly price: number;
  readonly size: number;
}

/** A symbol's finished bars up to now (never later: no look-ahead). `back` 0 is the latest. */
export interface SeriesView {
  readonly length: number;
  time(back?: number): number;
  open(back?: number): number;
  high(back?: number): number;
  low(back?: number): number;
  close(back?: number): number;
  volume(back?: number): number;
}

/** An indicator the runtime updates with each finished bar before `onBar`; NaN while warming up. */
export interface IndicatorHandle {
  readonly value: number;
}

export interface BandsHandle {
  readonly upper: number;
  readonly middle: number;
  readonly lower: number;
}

/** Create handles in `onStart`; read them in `onBar`. */
export interface IndicatorApi {
  sma(symbol: string, period: number): IndicatorHandle;
  ema(symbol: string, period: number): IndicatorHandle;
  rsi(symbol: string, period: number): IndicatorHandle;
  bollinger(symbol: string, period: number, deviations: number): BandsHandle;
  /** Highest high and lowest low of the `period` bars BEFORE the current one. */
  donchian(symbol: string, period: number): BandsHandle;
}

export interface PortfolioView {
  cash(): Decimal;
  /**
   * cash().toNumber() without building a decimal: a float for sizing arithmetic that can
   * prove its answer (see all-in.ts), the decimal staying the authority when it cannot.
   */
  cashValue(): number;
  /** Cash plus positions at the last close. */
  equity(): Decimal;
  /** Signed quantity held (negative = short). */
  position(symbol: string): Decimal;
}

/** An order as a strategy sends it: the ticket's fields; the runtime sets the source. */
export type StrategyOrder = Omit<PlaceOrderInput, 'source'>;

export interface OrderApi {
  /** Sends through the same validation and risk checks as the ticket; returns the client order id. */
  submit(order: StrategyOrder): string;
  cancel(clientOrderId: string): void;
  cancelAll(symbol?: string): void;
  /** Working orders of this strategy. */
  open(): readonly OrderDto[];
}

export interface StrategyContext<P extends ParamValues = ParamValues> {
  readonly params: P;
  readonly symbols: readonly string[];
  readonly timeframe: Timeframe;
  /** The current event's time (the bar's close time in backtests and live alike). */
  now(): number;
  history(symbol: string): SeriesView;
  readonly indicators: IndicatorApi;
  readonly portfolio: PortfolioView;
  readonly orders: OrderApi;
  log(message: string, fields?: Record<string, string | number | boolean>): void;
}

export interface Strategy<P extends ParamValues = ParamValues> {
  onStart?(ctx: StrategyContext<P>): void;
  onBar?(ctx: StrategyContext<P>, bar: BarEvent): void;
  onTick?(ctx: StrategyContext<P>, tick: TickEvent): void;
  onOrderUpdate?(ctx: StrategyContext<P>, order: OrderDto): void;
  onStop?(ctx: StrategyContext<P>): void;
}

export interface StrategyDefinition<P extends ParamValues = ParamValues> {
  id: string;
  name: string;
  description: string;
  params: Record<string, ParamSpec>;
  /** Bars needed before the first decision: loaded before `from` so indicators are ready. */
  warmup(params: P): number;
  /** Rules across parameters (e.g. fast < slow), after each value passed its spec; one message per problem. */
  validate?(params: P): readonly string[];
  create(params: P): Strategy<P>;
}

/** Typed helper for strategy files (built-in and user): `export default defineStrategy({...})`. */
export function defineStrategy<P extends ParamValues>(definition: StrategyDefinition<P>): StrategyDefinition<P> {
  return definition;
}
