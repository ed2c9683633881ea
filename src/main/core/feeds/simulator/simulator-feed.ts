import type { Clock } from '../../ports/clock';
import type { FeedEvent, MarketFeed } from '../../ports/market-feed';
import type { RandomSource } from '../../ports/random';
import type { Scheduler } from '../../ports/scheduler';
import { FeedEmitter } from '../feed-emitter';
import { Gaussian, forkRandom, poisson, tradeSize } from './distributions';
import { MINUTE_MS, sessionActivity } from './ny-session';
import { DEFAULT_SIM_MODEL, SimMarket, initialMarketState, type SimMarketState, type SimModelConfig } from './sim-market';
import { roundToTick, tickDecimals, type SimInstrument } from './sim-instruments';

export interface SimulatorFeedOptions {
  clock: Clock;
  scheduler: Scheduler;
  /** Seeded: the same seed and the same clock give the same events. */
  random: RandomSource;
  instruments: readonly SimInstrument[];
  /** Wall-clock milliseconds between simulation steps. */
  tickMs?: number;
  /** Continue from generated history (`generateMarketHistory(...).state`). */
  state?: SimMarketState;
  model?: Partial<SimModelConfig>;
}

export const SIMULATED_LABEL = 'Simulated';
const DEFAULT_TICK_MS = 250;
/** Quote sizes are 1–10 round lots. */
const QUOTE_LOTS = 10;

/**
 * A seeded market that runs 24/7 on the wall clock (see `SimMarket` for the model). Time of
 * day is real New York time: trade counts follow the session's U-shaped profile in 09:30–16:00
 * New York and stay thin but non-zero at night and at weekends, so the market moves whenever
 * someone looks. Each step prints Poisson-many trades per subscribed symbol at the model price
 * rounded to the tick, followed by a quote one or two ticks either side of the last trade.
 */
export class SimulatorFeed implements MarketFeed {
  readonly source = 'simulator' as const;
  private readonly emitter = new FeedEmitter();
  private readonly market: SimMarket;
  private readonly flow: RandomSource;
  private readonly flowGaussian: Gaussian;
  private readonly indexOf: Map<string, number>;
  private readonly decimals: number[];
  private readonly subscribed = new Set<string>();
  private readonly tickMs: number;
  private cancelTimer: (() => void) | null = null;
  private lastStep: number;
  private sequence = 0;

  constructor(private readonly options: SimulatorFeedOptions) {
    const { clock, instruments, random } = options;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    if (!(this.tickMs > 0 && this.tickMs <= MINUTE_MS)) throw new RangeError(`tickMs must be in (0, 60000], got ${this.tickMs}`);
    const state = options.state ?? initialMarketState(instruments, clock.now());
    // Fork in a fixed order so prices never depend on order-flow draws (or subscriptions).
    this.market = new SimMarket(instruments, forkRandom(random), state, { ...DEFAULT_SIM_MODEL, ...options.model });
    this.flow = forkRandom(random);
    this.flowGaussian = new Gaussian(this.flow);
    this.indexOf = new Map(instruments.map((i, n) => [i.symbol, n]));
    this.decimals = instruments.map((i) => tickDecimals(i.tickSize));
    this.lastStep = Math.max(state.time, clock.now());
  }

  start(): Promise<void> {
    if (!this.cancelTimer) {
      this.lastStep = Math.max(this.market.time, this.options.clock.now());
      this.cancelTimer = this.options.scheduler.every(this.tickMs, () => this.step());
      this.emit({ type: 'status', state: 'live', label: SIMULATED_LABEL });
      for (const symbol of this.subscribed) this.quote(symbol, this.options.clock.now());
    }
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (this.cancelTimer) {
      this.cancelTimer();
      this.cancelTimer = null;
      this.emit({ type: 'status', state: 'idle', label: `${SIMULATED_LABEL} (stopped)` });
    }
    return Promise.resolve();
  }

  /** Symbols the simulator does not know (real tickers) are ignored: another feed serves them. */
  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      if (!this.indexOf.has(symbol) || this.subscribed.has(symbol)) continue;
      this.subscribed.add(symbol);
      if (this.cancelTimer) this.quote(symbol, this.options.clock.now());
    }
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribed.delete(symbol);
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }

  /** Current model prices on the tick, by symbol (e.g. to seed a watchlist before any trade). */
  prices(): Map<string, number> {
    return new Map(this.options.instruments.map((i) => [i.symbol, this.roundedPrice(i.symbol)]));
  }

  private step(): void {
    const now = this.options.clock.now();
    this.market.stepTo(now);
    this.market.settle();
    const minutes = Math.max(0, now - this.lastStep) / MINUTE_MS;
    this.lastStep = now;
    const activity = sessionActivity(now);
    // Instrument order, not subscription order, so event order is a function of the seed.
    for (const instrument of this.options.instruments) {
      if (!this.subscribed.has(instrument.symbol)) continue;
      const count = poisson(this.flow, this.flowGaussian, instrument.tradesPerMinute * activity * minutes);
      if (count === 0) continue;
      const price = this.roundedPrice(instrument.symbol);
      for (let n = 0; n < count; n += 1) {
        this.sequence += 1;
        this.emit({
          type: 'trade',
          trade: {
            symbol: instrument.symbol,
            time: now,
            timeNs: null,
            price,
            size: tradeSize(this.flow),
            exchange: null,
            conditions: [],
            id: `sim-${this.sequence}`,
          },
        });
      }
      this.quote(instrument.symbol, now);
    }
  }

  private quote(symbol: string, time: number): void {
    const n = this.indexOf.get(symbol);
    const instrument = n === undefined ? undefined : this.options.instruments[n];
    if (!instrument) return;
    const last = this.roundedPrice(symbol);
    const tick = instrument.tickSize;
    const below = 1 + Math.floor(this.flow.next() * 2);
    const above = 1 + Math.floor(this.flow.next() * 2);
    const decimals = this.decimals[n!]!;
    this.emit({
      type: 'quote',
      quote: {
        symbol,
        time,
        timeNs: null,
        bidPrice: roundToTick(last - below * tick, tick, decimals),
        bidSize: 100 * (1 + Math.floor(this.flow.next() * QUOTE_LOTS)),
        askPrice: roundToTick(last + above * tick, tick, decimals),
        askSize: 100 * (1 + Math.floor(this.flow.next() * QUOTE_LOTS)),
      },
    });
  }

  private roundedPrice(symbol: string): number {
    const n = this.indexOf.get(symbol) ?? -1;
    const instrument = this.options.instruments[n];
    if (!instrument) throw new RangeError(`Not a simulated symbol: ${symbol}`);
    return roundToTick(this.market.price(n), instrument.tickSize, this.decimals[n]!);
  }

  private emit(event: FeedEvent): void {
    this.emitter.emit(event);
  }
}
