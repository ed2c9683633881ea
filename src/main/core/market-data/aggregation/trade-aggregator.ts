import type { Timeframe } from '@shared/dto/market-data';
import type { Bar, Trade } from '../types';
import { BarSlot } from './bar-slot';
import { bucketEnd, bucketStart, dailyZoneFor as defaultDailyZoneFor } from './bucket';
import { eligibilityMask, UPDATES_ALL } from './trade-conditions';

export type BarListener = (symbol: string, timeframe: Timeframe, bar: Bar, final: boolean) => void;
export type BarVisitor = (symbol: string, timeframe: Timeframe, bar: Bar) => void;

export interface TradeAggregatorOptions {
  timeframes: readonly Timeframe[];
  /** Every finished bar (final = true), per symbol and timeframe in time order; also the default target of drainUpdated. */
  onBar: BarListener;
  /** A trade older than the open bar of a timeframe, or for a bar already finished. It is not merged. */
  onLate?: (trade: Trade, timeframe: Timeframe) => void;
  /** Zone whose midnight starts a daily bar. Default: UTC for X: (crypto), else America/New_York. */
  dailyZoneFor?: (symbol: string) => string;
  /**
   * Whether a symbol's trade conditions use the US stock (CTA/UTP) numbering of
   * trade-conditions.ts. Default: tickers without a Polygon prefix (X:, C:, O:, I: number their
   * conditions differently, e.g. crypto's 1/2 are sell/buy side), whose conditions are ignored.
   */
  usesStockConditions?: (symbol: string) => boolean;
}

interface SymbolState {
  symbol: string;
  stockConditions: boolean;
  bucketOptions: { dailyZone: string };
  slots: BarSlot[];
}

/**
 * Streaming aggregation of trades into bars of several timeframes at once.
 *
 * `add` only mutates per-(symbol, timeframe) state: no allocation per trade. A bar is emitted
 * through `onBar(…, final = true)` when a trade opens the next bucket or when `flushBefore(now)`
 * (called on a clock tick) finds its bucket over, so quiet symbols close their bars too. Live
 * updates are coalesced: `drainUpdated` visits each bar touched since the previous drain once.
 * Buckets without trades produce no bar. Conditions decide what a trade updates (see
 * trade-conditions.ts): intraday timeframes use the intraday rules, 1d the daily ones.
 */
export class TradeAggregator {
  private readonly symbols = new Map<string, SymbolState>();
  private readonly touched: BarSlot[] = [];
  private readonly lateByTimeframe: Map<Timeframe, number>;
  private readonly dailyZoneFor: (symbol: string) => string;
  private readonly usesStockConditions: (symbol: string) => boolean;
  private last: SymbolState | null = null;
  private tradeCount = 0;
  /** The latest flushBefore time: buckets ending by then are over for every symbol. */
  private watermark = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: TradeAggregatorOptions) {
    if (options.timeframes.length === 0) throw new RangeError('TradeAggregator needs at least one timeframe');
    if (new Set(options.timeframes).size !== options.timeframes.length) throw new RangeError('Timeframes must be distinct');
    this.lateByTimeframe = new Map(options.timeframes.map((tf) => [tf, 0]));
    this.dailyZoneFor = options.dailyZoneFor ?? defaultDailyZoneFor;
    this.usesStockConditions = options.usesStockConditions ?? ((symbol) => !symbol.includes(':'));
  }

  add(trade: Trade): void {
    this.tradeCount += 1;
    const state = this.stateOf(trade.symbol);
    const time = trade.time;
    let intradayMask = UPDATES_ALL;
    let dailyMask = UPDATES_ALL;
    if (state.stockConditions && trade.conditions.length > 0) {
      intradayMask = eligibilityMask(trade.conditions, 'intraday');
      dailyMask = eligibilityMask(trade.conditions, 'daily');
    }
    for (const slot of state.slots) {
      const mask = slot.daily ? dailyMask : intradayMask;
      if (mask === 0) continue; // not a trade for this bar (an official open/close marker)
      if (!(time >= slot.start && time < slot.end)) {
        if (time < slot.start || time < slot.finishedBefore) {
          this.reportLate(trade, slot.timeframe);
          continue;
        }
        if (slot.isOpen) this.options.onBar(state.symbol, slot.timeframe, slot.finish(), true);
        slot.begin(bucketStart(time, slot.timeframe, state.bucketOptions), bucketEnd(time, slot.timeframe, state.bucketOptions));
      }
      slot.apply(time, trade.price, trade.size, mask);
      if (!slot.touched) {
        slot.touched = true;
        this.touched.push(slot);
      }
    }
  }

  /**
   * Finishes every open bar whose bucket ends at or before `timeMs` and returns how many. Call it
   * on a clock tick: it also declares those buckets over, so a trade for one arriving later is
   * reported late rather than opening a bar in the past.
   */
  flushBefore(timeMs: number): number {
    let finished = 0;
    const watermarks = new Map<string, number[]>(); // zone → bucket start of timeMs per timeframe
    for (const state of this.symbols.values()) {
      const zone = state.bucketOptions.dailyZone;
      let starts = watermarks.get(zone);
      if (!starts) {
        starts = this.options.timeframes.map((tf) => bucketStart(timeMs, tf, state.bucketOptions));
        watermarks.set(zone, starts);
      }
      state.slots.forEach((slot, i) => {
        if (slot.isOpen && slot.end <= timeMs) {
          this.options.onBar(state.symbol, slot.timeframe, slot.finish(), true);
          finished += 1;
        }
        slot.finishedBefore = Math.max(slot.finishedBefore, starts[i] ?? Number.NEGATIVE_INFINITY);
      });
    }
    if (timeMs > this.watermark) this.watermark = timeMs;
    return finished;
  }

  /** Finishes every open bar (end of a replay or a session). */
  flushAll(): number {
    let finished = 0;
    for (const state of this.symbols.values()) {
      for (const slot of state.slots) {
        if (!slot.isOpen) continue;
        this.options.onBar(state.symbol, slot.timeframe, slot.finish(), true);
        finished += 1;
      }
    }
    return finished;
  }

  /**
   * Visits, once each, the open bars touched since the previous drain (the default visitor is
   * `onBar(…, final = false)`). Bars that finished meanwhile were already emitted as final.
   */
  drainUpdated(visit?: BarVisitor): number {
    const target: BarVisitor = visit ?? ((symbol, timeframe, bar) => this.options.onBar(symbol, timeframe, bar, false));
    let visited = 0;
    for (const slot of this.touched) {
      slot.touched = false;
      if (!slot.isOpen) continue;
      target(slot.symbol, slot.timeframe, slot.snapshot());
      visited += 1;
    }
    this.touched.length = 0;
    return visited;
  }

  /** The open (unfinished) bar of a symbol and timeframe, or null. */
  openBar(symbol: string, timeframe: Timeframe): Bar | null {
    const slot = this.symbols.get(symbol)?.slots.find((s) => s.timeframe === timeframe);
    return slot?.isOpen ? slot.snapshot() : null;
  }

  /** Trades added so far and, per timeframe, how many were late (and left out). */
  stats(): { trades: number; late: Partial<Record<Timeframe, number>> } {
    return { trades: this.tradeCount, late: Object.fromEntries(this.lateByTimeframe) };
  }

  private reportLate(trade: Trade, timeframe: Timeframe): void {
    this.lateByTimeframe.set(timeframe, (this.lateByTimeframe.get(timeframe) ?? 0) + 1);
    this.options.onLate?.(trade, timeframe);
  }

  private stateOf(symbol: string): SymbolState {
    if (this.last?.symbol === symbol) return this.last;
    let state = this.symbols.get(symbol);
    if (!state) {
      const bucketOptions = { dailyZone: this.dailyZoneFor(symbol) };
      const slots = this.options.timeframes.map((tf) => {
        const slot = new BarSlot(symbol, tf, tf === '1d');
        if (Number.isFinite(this.watermark)) slot.finishedBefore = bucketStart(this.watermark, tf, bucketOptions);
        return slot;
      });
      state = { symbol, stockConditions: this.usesStockConditions(symbol), bucketOptions, slots };
      this.symbols.set(symbol, state);
    }
    this.last = state;
    return state;
  }
}
