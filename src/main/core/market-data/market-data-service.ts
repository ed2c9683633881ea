import type { Ticker, Timeframe } from '@shared/dto/market-data';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Scheduler } from '../ports/scheduler';
import type { BarStore } from '../ports/bar-store';
import type { FeedEvent, MarketFeed } from '../ports/market-feed';
import type { FeedStatusBoard } from '../feed/feed-status-board';
import type { DomainHandlers } from '../api/handlers';
import type { Bar, Trade } from './types';
import { Coalescer } from './coalescer';
import { TickerBoard } from './ticker-board';

/** What the service needs from trade aggregation (see aggregation/trade-aggregator.ts). */
export interface LiveAggregator {
  add(trade: Trade): void;
  /** Visits every bar changed since the last call (unfinished ones too). */
  drainUpdated(visit: (symbol: string, timeframe: Timeframe, bar: Bar) => void): void;
  /** Finalises bars whose period ended before `time`; they arrive through `onFinal`. */
  flushBefore(time: number): void;
}

export interface MarketDataServiceOptions {
  feed: MarketFeed;
  store: BarStore;
  hub: EventHub;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  feedStatus: FeedStatusBoard;
  /** Builds the aggregator, handing it the callback for finished bars. */
  createAggregator: (onFinal: (symbol: string, timeframe: Timeframe, bar: Bar) => void) => LiveAggregator;
  tradingDayOf: (time: number) => string;
  /** Timeframes whose finished bars are stored (1s stays live-only by default). */
  persist?: readonly Timeframe[];
  /** One UI frame: live updates are coalesced to at most one per symbol and timeframe per frame. */
  frameMs?: number;
  /** Finished bars are written in one transaction per this interval. */
  writeMs?: number;
  /**
   * Symbols being replayed: their bars come from the replay alone (left-over live bars of the
   * aggregator are dropped) and are not stored again, since they were read from the store.
   */
  replaying?: (symbol: string) => boolean;
}

const DEFAULT_PERSIST: readonly Timeframe[] = ['1m', '5m', '15m', '1h', '1d'];

/**
 * The live market-data path: feed events → aggregation → coalesced `md.bar` / `md.ticker`
 * events for the UI, and finished bars → the store in batched transactions.
 */
export class MarketDataService {
  private readonly bars = new Coalescer<{ symbol: string; timeframe: Timeframe; bar: Bar; final: boolean }>();
  private readonly tickerUpdates = new Coalescer<Ticker>();
  private readonly tickers: TickerBoard;
  private readonly aggregator: LiveAggregator;
  private readonly persist: ReadonlySet<Timeframe>;
  private pendingWrites = new Map<string, { symbol: string; timeframe: Timeframe; bars: Bar[] }>();
  private readonly stops: (() => void)[] = [];
  private watched = new Set<string>();

  constructor(private readonly options: MarketDataServiceOptions) {
    this.persist = new Set(options.persist ?? DEFAULT_PERSIST);
    this.aggregator = options.createAggregator((symbol, timeframe, bar) => {
      if (!this.replaying(symbol)) this.finished(symbol, timeframe, bar);
    });
    this.tickers = new TickerBoard((symbol, time) => this.previousClose(symbol, time), options.tradingDayOf);
  }

  async start(symbols: readonly string[]): Promise<void> {
    const { feed, scheduler } = this.options;
    this.stops.push(feed.onEvent((event) => this.onFeedEvent(event)));
    this.stops.push(scheduler.every(this.options.frameMs ?? 50, () => this.publishFrame()));
    this.stops.push(scheduler.every(this.options.writeMs ?? 250, () => this.writePending()));
    this.watch(symbols);
    await feed.start();
  }

  /** Streams exactly these symbols from now on (the watchlist plus the chart's symbol). */
  watch(symbols: readonly string[]): void {
    const next = new Set(symbols);
    const added = [...next].filter((symbol) => !this.watched.has(symbol));
    const removed = [...this.watched].filter((symbol) => !next.has(symbol));
    this.watched = next;
    if (removed.length > 0) this.options.feed.unsubscribe(removed);
    if (added.length > 0) this.options.feed.subscribe(added);
  }

  async stop(): Promise<void> {
    for (const stop of this.stops.splice(0)) stop();
    await this.options.feed.stop();
    this.writePending();
  }

  handlers(): DomainHandlers<'md.tickers'> {
    return {
      'md.tickers': ({ symbols }) =>
        symbols.flatMap((symbol) => {
          const known = this.lastKnown(symbol);
          return known ? [known] : [];
        }),
    };
  }

  /** The symbol's ticker as the watchlist shows it: live, else from the last stored bar. */
  lastKnown(symbol: string): Ticker | null {
    return this.tickers.get(symbol) ?? this.tickerFromStore(symbol);
  }

  private onFeedEvent(event: FeedEvent): void {
    switch (event.type) {
      case 'trade':
        this.aggregator.add(event.trade);
        this.tickerUpdates.put(event.trade.symbol, this.tickers.update(event.trade.symbol, event.trade.price, event.trade.time));
        return;
      case 'quote':
        return; // consumed by the paper broker once it lands
      case 'bar':
        this.finished(event.symbol, event.timeframe, event.bar, !this.replaying(event.symbol));
        this.tickerUpdates.put(event.symbol, this.tickers.update(event.symbol, event.bar.close, event.bar.time));
        return;
      case 'status':
        this.options.feedStatus.set({ source: this.options.feed.source, state: event.state, label: event.label });
        return;
    }
  }

  /** Keyed by bar time too, so a bar's final values are never coalesced away by the next bar. */
  private static frameKey(symbol: string, timeframe: Timeframe, bar: Bar): string {
    return `${symbol}|${timeframe}|${bar.time}`;
  }

  private replaying(symbol: string): boolean {
    return this.options.replaying?.(symbol) ?? false;
  }

  private finished(symbol: string, timeframe: Timeframe, bar: Bar, store = true): void {
    this.bars.put(MarketDataService.frameKey(symbol, timeframe, bar), { symbol, timeframe, bar: { ...bar }, final: true });
    if (!store || !this.persist.has(timeframe)) return;
    const key = `${symbol}|${timeframe}`;
    let batch = this.pendingWrites.get(key);
    if (!batch) {
      batch = { symbol, timeframe, bars: [] };
      this.pendingWrites.set(key, batch);
    }
    batch.bars.push({ ...bar });
  }

  private publishFrame(): void {
    const { hub, clock } = this.options;
    this.aggregator.flushBefore(clock.now());
    this.aggregator.drainUpdated((symbol, timeframe, bar) => {
      if (this.replaying(symbol)) return;
      const key = MarketDataService.frameKey(symbol, timeframe, bar);
      if (this.bars.has(key)) return; // already final in this frame
      this.bars.put(key, { symbol, timeframe, bar: { ...bar }, final: false });
    });
    this.bars.drain((update) => hub.publish('md.bar', update));
    this.tickerUpdates.drain((ticker) => hub.publish('md.ticker', ticker));
  }

  private writePending(): void {
    if (this.pendingWrites.size === 0) return;
    const batches = this.pendingWrites;
    this.pendingWrites = new Map();
    for (const { symbol, timeframe, bars } of batches.values()) {
      try {
        this.options.store.upsertBars(symbol, timeframe, bars);
      } catch (error) {
        this.options.logger.error('Could not store finished bars', { symbol, timeframe, count: bars.length, error: String(error) });
      }
    }
  }

  private previousClose(symbol: string, time: number): number | null {
    const day = this.options.tradingDayOf(time);
    const daily = this.options.store.readBars({ symbol, timeframe: '1d', to: time, limit: 2, latest: true });
    for (let i = daily.length - 1; i >= 0; i -= 1) {
      const barTime = daily.time[i] ?? Number.NaN;
      if (this.options.tradingDayOf(barTime) !== day) return daily.close[i] ?? null;
    }
    return null;
  }

  private tickerFromStore(symbol: string): Ticker | null {
    const last = this.options.store.readBars({ symbol, timeframe: '1m', limit: 1, latest: true });
    const lastDaily = last.length > 0 ? last : this.options.store.readBars({ symbol, timeframe: '1d', limit: 1, latest: true });
    if (lastDaily.length === 0) return null;
    const time = lastDaily.time[0] ?? 0;
    return this.tickers.update(symbol, lastDaily.close[0] ?? 0, time);
  }
}
