import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import type { BarStore } from '../../ports/bar-store';
import type { Clock } from '../../ports/clock';
import type { FeedEvent, MarketFeed } from '../../ports/market-feed';
import type { Scheduler } from '../../ports/scheduler';
import { FeedEmitter } from '../feed-emitter';
import { BarCursor, DEFAULT_CHUNK_SIZE, TradeCursor, type ReplayCursor } from './replay-cursor';
import type { TradeSource } from './trade-source';

/** What to play: stored bars of one timeframe, or stored trades. */
export type ReplaySource = { kind: 'bars'; store: BarStore; timeframe: Timeframe } | { kind: 'trades'; trades: TradeSource };

export interface ReplayFeedOptions {
  clock: Clock;
  scheduler: Scheduler;
  source: ReplaySource;
  /** Replay starts at this instant (UTC ms): the first bar played is the first opening at or after it. */
  from: number;
  /** Inclusive end (bar open time or trade time). */
  to?: number;
  /** Multiple of the original pace, clamped to [1, 1000]. Default 1. */
  speed?: number;
  /** Rows read from storage at a time, per symbol. */
  chunkSize?: number;
  /**
   * Longest wait between events, in replay time: longer silences (nights, weekends) are cut
   * to this, so a week of minute bars at 10× does not sit still overnight. Default: five bars
   * of the timeframe for bars, one minute for trades; Infinity keeps every gap.
   */
  maxGapMs?: number;
}

export const MIN_REPLAY_SPEED = 1;
export const MAX_REPLAY_SPEED = 1000;

type Phase = 'stopped' | 'playing' | 'paused' | 'finished';

/**
 * Plays stored market data as if it were live. Replay time runs at `speed` × the wall clock
 * from an anchor, and each wake-up emits everything due by then, merged across symbols in
 * time order (ties in subscription order). A late timer therefore catches up rather than
 * drifting, and pausing freezes replay time where it is.
 */
export class ReplayFeed implements MarketFeed {
  readonly source = 'replay' as const;
  private readonly emitter = new FeedEmitter();
  private readonly cursors = new Map<string, ReplayCursor>();
  private readonly chunkSize: number;
  private readonly maxGapMs: number;
  private phase: Phase = 'stopped';
  private speed: number;
  /** Replay time at `wallAnchor`. */
  private replayAnchor: number;
  private wallAnchor = 0;
  /** `from`, or the last seek: nothing before it is ever played. */
  private origin: number;
  private cancelTimer: (() => void) | null = null;

  constructor(private readonly options: ReplayFeedOptions) {
    this.speed = clampSpeed(options.speed ?? 1);
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!(Number.isInteger(this.chunkSize) && this.chunkSize > 0)) throw new RangeError(`chunkSize must be a positive integer, got ${this.chunkSize}`);
    const source = options.source;
    this.maxGapMs = options.maxGapMs ?? (source.kind === 'bars' ? 5 * TIMEFRAME_MS[source.timeframe] : 60_000);
    if (!(this.maxGapMs > 0)) throw new RangeError(`maxGapMs must be positive, got ${this.maxGapMs}`);
    if (!Number.isFinite(options.from)) throw new RangeError(`Replay needs a start time, got ${options.from}`);
    this.replayAnchor = options.from;
    this.origin = options.from;
  }

  start(): Promise<void> {
    if (this.phase === 'stopped') this.play();
    return Promise.resolve();
  }

  stop(): Promise<void> {
    if (this.phase !== 'stopped') {
      this.freeze();
      this.phase = 'stopped';
      this.status('idle', 'Replay stopped');
    }
    return Promise.resolve();
  }

  subscribe(symbols: readonly string[]): void {
    const at = this.joinPoint();
    for (const symbol of symbols) {
      if (!this.cursors.has(symbol)) this.cursors.set(symbol, this.cursor(symbol, at));
    }
    // A new symbol can revive a finished replay.
    if (this.phase === 'finished') this.play();
    else this.reschedule();
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) this.cursors.delete(symbol);
    this.reschedule();
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }

  pause(): void {
    if (this.phase !== 'playing') return;
    this.freeze();
    this.phase = 'paused';
    this.status('idle', 'Replay paused');
  }

  resume(): void {
    if (this.phase === 'paused') this.play();
  }

  /** Clamps to [1, 1000] and returns the speed applied. Not a number is a caller bug. */
  setSpeed(speed: number): number {
    const next = clampSpeed(speed);
    if (next === this.speed) return next;
    this.reanchor(this.replayTime());
    this.speed = next;
    if (this.phase === 'playing') {
      this.status('live', speedLabel(next));
      this.reschedule();
    }
    return next;
  }

  getSpeed(): number {
    return this.speed;
  }

  /** Jumps to `time`: the next bars are those opening at or after it. Keeps paused if paused. */
  seek(time: number): void {
    if (!Number.isFinite(time)) throw new RangeError(`Cannot seek to ${time}`);
    this.reanchor(time);
    this.origin = time;
    for (const cursor of this.cursors.values()) cursor.seek(time);
    if (this.phase === 'finished') this.play();
    else this.reschedule();
  }

  /** The replayed instant now (UTC ms of the original data). */
  replayTime(): number {
    if (this.phase !== 'playing') return this.replayAnchor;
    return this.replayAnchor + (this.options.clock.now() - this.wallAnchor) * this.speed;
  }

  /**
   * Where a symbol subscribed now starts (never before `origin`): for bars, the first one not
   * yet closed, so a bar that opened before now still arrives; for trades, the first at or
   * after now.
   */
  private joinPoint(): number {
    const { source } = this.options;
    const now = this.replayTime();
    const start = source.kind === 'bars' ? Math.floor(now - TIMEFRAME_MS[source.timeframe]) + 1 : Math.ceil(now);
    return Math.max(this.origin, start);
  }

  private play(): void {
    this.reanchor(this.replayAnchor);
    this.phase = 'playing';
    this.status('live', speedLabel(this.speed));
    this.reschedule();
  }

  /** Stops the timer and pins replay time where it is. */
  private freeze(): void {
    this.reanchor(this.replayTime());
    this.cancel();
  }

  private reanchor(replayTime: number): void {
    this.replayAnchor = replayTime;
    this.wallAnchor = this.options.clock.now();
  }

  private reschedule(): void {
    this.cancel();
    if (this.phase !== 'playing') return;
    const next = this.nextDue();
    if (next === null) {
      if (this.cursors.size > 0) this.finish();
      return;
    }
    const now = this.replayTime();
    if (next - now > this.maxGapMs) this.reanchor(next - this.maxGapMs);
    const delay = Math.max(0, Math.ceil((next - this.replayTime()) / this.speed));
    this.cancelTimer = this.options.scheduler.after(delay, () => this.wake());
  }

  private wake(): void {
    this.cancelTimer = null;
    const now = this.replayTime();
    for (let cursor = this.dueCursor(now); cursor; cursor = this.dueCursor(now)) {
      this.emitter.emit(cursor.take());
      // A listener may have paused, stopped or sought: leave the rest to that.
      if (this.phase !== 'playing' || this.cancelTimer) return;
    }
    this.reschedule();
  }

  /** The cursor with the earliest event due by `now`; the first subscribed wins ties. */
  private dueCursor(now: number): ReplayCursor | null {
    let best: ReplayCursor | null = null;
    let bestDue = Infinity;
    for (const cursor of this.cursors.values()) {
      const due = cursor.peekDue();
      if (due !== null && due <= now && due < bestDue) {
        best = cursor;
        bestDue = due;
      }
    }
    return best;
  }

  private nextDue(): number | null {
    let next: number | null = null;
    for (const cursor of this.cursors.values()) {
      const due = cursor.peekDue();
      if (due !== null && (next === null || due < next)) next = due;
    }
    return next;
  }

  private finish(): void {
    this.phase = 'finished';
    this.status('idle', 'Replay finished');
  }

  private cursor(symbol: string, from: number): ReplayCursor {
    const { source, to } = this.options;
    if (source.kind === 'bars') return new BarCursor(source.store, symbol, source.timeframe, from, to, this.chunkSize);
    return new TradeCursor(source.trades, symbol, from, to, this.chunkSize);
  }

  private cancel(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private status(state: 'live' | 'idle', label: string): void {
    this.emitter.emit({ type: 'status', state, label });
  }
}

function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) throw new RangeError(`Replay speed must be a finite number, got ${speed}`);
  return Math.min(MAX_REPLAY_SPEED, Math.max(MIN_REPLAY_SPEED, speed));
}

/** "Replay 10×", "Replay 2.5×". */
export function speedLabel(speed: number): string {
  return `Replay ${Number(speed.toFixed(2))}×`;
}
