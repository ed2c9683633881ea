import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import type { BarStore } from '../../ports/bar-store';
import type { BarColumns, Trade } from '../../market-data/types';
import type { FeedEvent } from '../../ports/market-feed';
import type { TradeSource } from './trade-source';

/** One symbol's stored events, read lazily in chunks, in the order they happened. */
export interface ReplayCursor {
  /** Replay time at which the next event is due, or null when there is none left. */
  peekDue(): number | null;
  /** The next event; only call after `peekDue()` returned a time. */
  take(): FeedEvent;
  /** Restarts at the first event at or after `time`. */
  seek(time: number): void;
}

export const DEFAULT_CHUNK_SIZE = 5_000;

/**
 * Bars of one symbol and timeframe. A bar is due when it closes (open + timeframe), as a
 * live feed would deliver it; bars that opened before the seek time are skipped.
 */
export class BarCursor implements ReplayCursor {
  private chunk: BarColumns | null = null;
  private index = 0;
  private nextFrom = 0;
  private exhausted = false;
  private readonly barMs: number;

  constructor(
    private readonly store: BarStore,
    private readonly symbol: string,
    private readonly timeframe: Timeframe,
    from: number,
    private readonly to: number | undefined,
    private readonly chunkSize: number,
  ) {
    this.barMs = TIMEFRAME_MS[timeframe];
    this.seek(from);
  }

  seek(time: number): void {
    this.chunk = null;
    this.index = 0;
    this.nextFrom = time;
    this.exhausted = false;
  }

  peekDue(): number | null {
    const chunk = this.fill();
    return chunk ? chunk.time[this.index]! + this.barMs : null;
  }

  take(): FeedEvent {
    const chunk = this.fill();
    if (!chunk) throw new Error(`No bar left to replay for ${this.symbol}`);
    const n = this.index++;
    return {
      type: 'bar',
      symbol: this.symbol,
      timeframe: this.timeframe,
      bar: {
        time: chunk.time[n]!,
        open: chunk.open[n]!,
        high: chunk.high[n]!,
        low: chunk.low[n]!,
        close: chunk.close[n]!,
        volume: chunk.volume[n]!,
        vwap: null,
        trades: null,
      },
    };
  }

  /** The chunk holding the next bar, reading the next one from the store when needed. */
  private fill(): BarColumns | null {
    if (this.chunk && this.index < this.chunk.length) return this.chunk;
    this.chunk = null;
    if (this.exhausted) return null;
    const chunk = this.store.readBars({ symbol: this.symbol, timeframe: this.timeframe, from: this.nextFrom, to: this.to, limit: this.chunkSize });
    // A short chunk is the last one: saves a read that would come back empty.
    if (chunk.length < this.chunkSize) this.exhausted = true;
    if (chunk.length === 0) return null;
    this.nextFrom = chunk.time[chunk.length - 1]! + 1;
    this.chunk = chunk;
    this.index = 0;
    return chunk;
  }
}

/**
 * Trades of one symbol, due at their own time. Chunks resume at the last trade's millisecond
 * and skip the trades already played there, so a burst sharing one millisecond is never lost.
 */
export class TradeCursor implements ReplayCursor {
  private chunk: readonly Trade[] = [];
  private index = 0;
  private nextFrom = 0;
  /** Trades at exactly `nextFrom` already played. */
  private playedAtFrom = 0;
  private exhausted = false;

  constructor(
    private readonly source: TradeSource,
    private readonly symbol: string,
    from: number,
    private readonly to: number | undefined,
    private readonly chunkSize: number,
  ) {
    this.seek(from);
  }

  seek(time: number): void {
    this.chunk = [];
    this.index = 0;
    this.nextFrom = time;
    this.playedAtFrom = 0;
    this.exhausted = false;
  }

  peekDue(): number | null {
    return this.fill()?.time ?? null;
  }

  take(): FeedEvent {
    const trade = this.fill();
    if (!trade) throw new Error(`No trade left to replay for ${this.symbol}`);
    this.index += 1;
    if (trade.time === this.nextFrom) this.playedAtFrom += 1;
    else {
      this.nextFrom = trade.time;
      this.playedAtFrom = 1;
    }
    return { type: 'trade', trade };
  }

  private fill(): Trade | null {
    const next = this.chunk[this.index];
    if (next) return next;
    if (this.exhausted) return null;
    // Ask for the already-played trades too, so the limit always leaves room for new ones.
    const limit = this.chunkSize + this.playedAtFrom;
    const read = this.source.readTrades({ symbol: this.symbol, from: this.nextFrom, to: this.to, limit });
    if (read.length < limit) this.exhausted = true;
    let skip = 0;
    while (skip < this.playedAtFrom && read[skip]?.time === this.nextFrom) skip += 1;
    this.chunk = read.slice(skip);
    this.index = 0;
    return this.chunk[0] ?? null;
  }
}
