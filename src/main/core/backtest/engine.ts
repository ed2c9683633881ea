/**
 * The event-driven backtest engine. Conventions (the same in every run):
 *
 * - Bars of all symbols (one timeframe) are merged in time order; bars with the same time go
 *   in the order the symbols were given. For each bar: (1) the symbol's working orders are
 *   matched against THIS bar by the paper venue's rules (sim-broker.ts): a market order at the
 *   bar's open, limits and stops by matching.ts with its gap rule, slippage and commission as
 *   configured; fills are reported (onOrderUpdate) before (2) indicators and history advance
 *   with the bar, and (3) strategy.onBar runs. An order sent in onBar(t) therefore fills on the
 *   symbol's next bar at the earliest: never on the bar it was decided on (no look-ahead).
 * - A fill is stamped with the open time of the bar it filled on; `ctx.now()` is the current
 *   bar's close time (its open + the timeframe).
 * - Warm-up: bars before `input.from` feed indicators, history and onBar, but orders sent then
 *   are ignored (logged once) and no equity is recorded. The first bar at or after `from` is
 *   the first tradable bar.
 * - The account is a cash account with immediate settlement (no T+1 in backtests), no
 *   shorting (the buying-power rule refuses sells beyond the position), orders screened by
 *   validatePlaceOrder and every risk rule with BACKTEST_LIMITS. A market buy sized at the
 *   signal bar's close may cost more at the next open: cash can then dip below zero.
 * - Books are decimals (cash, positions, fill prices on the tick, commission); the per-bar work
 *   is float only. The equity curve has one point per tradable bar of the FIRST symbol: cash +
 *   Σ position × last close, taken once every bar of that instant is in.
 * - Benchmark: buy-and-hold of `input.benchmark` (one of the series; else none) from the open
 *   of its first tradable bar: initial cash × close ÷ that open, per point; benchmarkReturn is
 *   its last close ÷ that open − 1.
 * - `input.onProgress` is called every 65,536 bars with the fraction done; returning false
 *   stops the run and the output covers the bars processed so far.
 * - Deterministic: no clock, no randomness; the same input gives the same output.
 */
import { TIMEFRAME_MS } from '@shared/dto/market-data';
import type { BarColumns } from '../market-data/types';
import { orderToDto } from '../trading/model/order';
import { createIndicatorRuntime, type IndicatorRuntime } from '../strategy/indicator-runtime';
import type { Strategy, StrategyContext } from '../strategy/strategy-api';
import type { BacktestInput, BacktestOutput, BacktestSummary } from './backtest-input';
import { monotoneDayCache, type DayCache } from './day-cache';
import { buildOutput, buildSummary, type Curve, type OutputParts } from './output';
import { SLOT, type RunScratch } from './run-scratch';
import { ColumnsView, MutableBar } from './series-view';
import { SimAccount } from './sim-account';
import { SimBroker } from './sim-broker';
import { backtestContext, type RunClock } from './strategy-context';

const PROGRESS_EVERY = 0x10000;

/** How a run is carried out (not what it computes): for tests that compare the two order paths. */
export interface RunOptions {
  /** false: every order through the paper venue, none through the exact fast lane. */
  fastLane?: boolean;
}

export function runBacktest(input: BacktestInput, options: RunOptions = {}): BacktestOutput {
  const run = new BacktestRun(input, options, null);
  run.execute();
  return run.output();
}

/**
 * The same run, its metrics only (a sweep's point): no trade or fill lists are made, and the
 * curve lives in `scratch`'s buffers, reused run after run. The metrics equal runBacktest's.
 */
export function runBacktestSummary(input: BacktestInput, scratch: RunScratch, options: RunOptions = {}): BacktestSummary {
  const run = new BacktestRun(input, options, scratch);
  run.execute();
  return run.summary();
}

class BacktestRun {
  private readonly columns: BarColumns[];
  private readonly bars: MutableBar[];
  private readonly views: ColumnsView[];
  private readonly account: SimAccount;
  private readonly broker: SimBroker;
  private readonly runtime: IndicatorRuntime;
  private readonly strategy: Strategy;
  private readonly ctx: StrategyContext;
  private readonly clock: RunClock = { now: 0, tradable: false };
  private readonly dayOf: DayCache;
  private readonly from: number;
  private readonly frameMs: number;
  private readonly curve: Curve;
  private readonly benchmarkIndex: number;
  private readonly updates: ReturnType<typeof orderToDto>[] = [];
  /** The time of the first symbol's bar whose equity point waits for the rest of its instant. */
  private pendingTime = Infinity;
  private benchmarkOpen = Number.NaN;
  private processed = 0;
  private total = 0;

  constructor(
    private readonly input: BacktestInput,
    options: RunOptions,
    private readonly scratch: RunScratch | null,
  ) {
    const symbols = input.series.map((series) => series.symbol);
    if (symbols.length === 0) throw new RangeError('A backtest needs at least one series');
    this.columns = input.series.map((series) => series.bars);
    this.total = this.columns.reduce((sum, bars) => sum + bars.length, 0);
    this.from = input.from ?? -Infinity;
    this.frameMs = TIMEFRAME_MS[input.timeframe];
    this.dayOf = monotoneDayCache((time) => input.tradingDayOf(time));
    const specs = symbols.map((symbol) => input.instrument(symbol));
    this.account = new SimAccount(symbols, specs, input.initialCash);
    this.bars = symbols.map((symbol) => new MutableBar(symbol, input.timeframe));
    this.views = this.columns.map((bars) => new ColumnsView(bars));
    this.runtime = createIndicatorRuntime();
    this.strategy = input.definition.create(input.params);
    const notify = this.strategy.onOrderUpdate ? (order: Parameters<typeof orderToDto>[0]) => this.updates.push(orderToDto(order)) : null;
    this.broker = new SimBroker({
      account: this.account,
      specs,
      slippage: input.slippage,
      commission: input.commission,
      daily: input.timeframe === '1d',
      tradingDayOf: this.dayOf,
      onOrder: notify,
      fastLane: options.fastLane !== false,
    });
    const log = (message: string, fields?: Record<string, string | number | boolean>) => input.onLog?.({ time: this.clock.now, message, ...(fields ? { fields } : {}) });
    this.ctx = backtestContext({ params: input.params, symbols, timeframe: input.timeframe, clock: this.clock, views: this.views, indicators: this.runtime.api, account: this.account, broker: this.broker, log });
    this.benchmarkIndex = input.benchmark === null ? -1 : symbols.indexOf(input.benchmark);
    const first = this.columns[0]!;
    let points = this.from === -Infinity ? first.length : 0; // no start: every bar is a point
    if (points === 0) for (let i = 0; i < first.length; i += 1) if (first.time[i]! >= this.from) points += 1;
    this.curve = this.newCurve(points, this.benchmarkIndex < 0 ? 0 : points);
  }

  private newCurve(points: number, benchmark: number): Curve {
    const scratch = this.scratch;
    if (scratch === null) return { count: 0, time: new Float64Array(points), equity: new Float64Array(points), held: new Uint8Array(points), benchmark: new Float64Array(benchmark) };
    return { count: 0, time: scratch.float(SLOT.time, points), equity: scratch.float(SLOT.equity, points), held: scratch.flags(points), benchmark: scratch.float(SLOT.benchmark, benchmark) };
  }

  execute(): void {
    this.strategy.onStart?.(this.ctx);
    this.flushUpdates();
    const stopped = this.columns.length === 1 ? this.runOne() : this.runMerged();
    if (this.pendingTime !== Infinity) this.closePoint();
    if (stopped) return;
    this.strategy.onStop?.(this.ctx);
    this.input.onProgress?.(1);
  }

  output(): BacktestOutput {
    return buildOutput(this.parts());
  }

  summary(): BacktestSummary {
    return buildSummary(this.parts(), this.scratch);
  }

  private parts(): OutputParts {
    const b = this.benchmarkIndex;
    const benchmarkReturn = b < 0 ? null : this.account.lastClose[b]! / this.benchmarkOpen - 1;
    return { account: this.account, curve: this.curve, tradingDayOf: this.dayOf, benchmarkReturn: Number.isFinite(benchmarkReturn) ? benchmarkReturn : null };
  }

  /**
   * One symbol: bars in order; step() for k = 0 with the run's parts in locals (the same work
   * in the same order). Returns true when stopped by onProgress.
   */
  private runOne(): boolean {
    const bars = this.columns[0]!;
    const { time: times, open, high, low, close, volume } = bars;
    const n = bars.length;
    const bar = this.bars[0]!;
    const symbol = bar.symbol;
    const view = this.views[0]!;
    const { clock, broker, runtime, strategy, ctx, from, frameMs, updates } = this;
    const lastClose = this.account.lastClose;
    const benchmark = this.benchmarkIndex === 0;
    // A local, not this.benchmarkOpen: a store made once per run keeps no type feedback that
    // optimised code can trust in the next run (it deoptimised there).
    let benchmarkOpen = this.benchmarkOpen;
    for (let i = 0; i < n; i += 1) {
      const time = times[i]!;
      bar.time = time;
      bar.open = open[i]!;
      bar.high = high[i]!;
      bar.low = low[i]!;
      bar.close = close[i]!;
      bar.volume = volume[i]!;
      if (time > this.pendingTime) this.closePointOne(benchmarkOpen);
      if (broker.hasOrders(0, symbol)) {
        broker.onBar(0, bar);
        if (updates.length > 0) this.flushUpdates();
      }
      runtime.onBar(symbol, bar);
      view.length = i + 1;
      lastClose[0] = bar.close;
      const tradable = time >= from;
      clock.tradable = tradable;
      clock.now = time + frameMs;
      if (tradable && benchmark && Number.isNaN(benchmarkOpen)) benchmarkOpen = open[i]!;
      strategy.onBar?.(ctx, bar);
      if (updates.length > 0) this.flushUpdates();
      if (tradable) this.pendingTime = time;
      if ((++this.processed & (PROGRESS_EVERY - 1)) === 0) {
        this.benchmarkOpen = benchmarkOpen;
        if (this.cancelled()) return true;
      }
    }
    this.benchmarkOpen = benchmarkOpen;
    return false;
  }

  /** Several symbols: the earliest next bar first, ties in the symbols' order. */
  private runMerged(): boolean {
    const count = this.columns.length;
    const cursor = new Int32Array(count);
    for (;;) {
      let next = -1;
      let time = Infinity;
      for (let k = 0; k < count; k += 1) {
        const bars = this.columns[k]!;
        const i = cursor[k]!;
        if (i < bars.length && bars.time[i]! < time) {
          time = bars.time[i]!;
          next = k;
        }
      }
      if (next < 0) return false;
      this.step(next, cursor[next]!);
      cursor[next] = cursor[next]! + 1;
      if ((++this.processed & (PROGRESS_EVERY - 1)) === 0 && this.cancelled()) return true;
    }
  }

  private step(k: number, i: number): void {
    const bar = this.bars[k]!;
    bar.load(this.columns[k]!, i);
    const time = bar.time;
    if (time > this.pendingTime) this.closePoint();
    if (this.broker.hasOrders(k, bar.symbol)) {
      this.broker.onBar(k, bar);
      if (this.updates.length > 0) this.flushUpdates();
    }
    this.runtime.onBar(bar.symbol, bar);
    this.views[k]!.length = i + 1;
    this.account.lastClose[k] = bar.close;
    const tradable = time >= this.from;
    this.clock.tradable = tradable;
    this.clock.now = time + this.frameMs;
    if (tradable && k === this.benchmarkIndex && Number.isNaN(this.benchmarkOpen)) this.benchmarkOpen = bar.open;
    this.strategy.onBar?.(this.ctx, bar);
    if (this.updates.length > 0) this.flushUpdates();
    if (k === 0 && tradable) this.pendingTime = time;
  }

  private closePoint(): void {
    const c = this.curve;
    const at = c.count;
    c.time[at] = this.pendingTime;
    c.equity[at] = this.account.equityF();
    c.held[at] = this.account.holdsAny() ? 1 : 0;
    if (this.benchmarkIndex >= 0) {
      const start = this.benchmarkOpen;
      const close = this.account.lastClose[this.benchmarkIndex]!;
      c.benchmark[at] = Number.isNaN(start) ? this.account.initialCashF : (this.account.initialCashF * close) / start;
    }
    c.count = at + 1;
    this.pendingTime = Infinity;
  }

  /** closePoint for a run of one symbol: equityF and holdsAny of its one position, the same float operations, inline. */
  private closePointOne(start: number): void {
    const c = this.curve;
    const at = c.count;
    const account = this.account;
    const held = account.quantitiesF[0]!;
    const close = account.lastClose[0]!;
    let equity = account.cashF;
    if (held !== 0) equity += held * close;
    c.time[at] = this.pendingTime;
    c.equity[at] = equity;
    c.held[at] = held !== 0 ? 1 : 0;
    if (this.benchmarkIndex === 0) {
      c.benchmark[at] = Number.isNaN(start) ? account.initialCashF : (account.initialCashF * close) / start;
    }
    c.count = at + 1;
    this.pendingTime = Infinity;
  }

  /** Delivers order updates in the order they happened (a strategy's reaction may add more). */
  private flushUpdates(): void {
    for (let i = 0; i < this.updates.length; i += 1) this.strategy.onOrderUpdate?.(this.ctx, this.updates[i]!);
    this.updates.length = 0;
  }

  private cancelled(): boolean {
    return this.input.onProgress?.(this.processed / this.total) === false;
  }
}
