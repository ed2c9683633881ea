import type { Bar } from '../../../core/market-data/types';

const MINUTE_MS = 60_000;

interface SymbolState {
  /** Open time of the last bar emitted (or the minute before the session began). */
  last: number;
  /** While a gap is being filled: live bars and REST bars, held to be emitted in order. */
  held: Map<number, Bar> | null;
}

/**
 * Minute bars per symbol, once each and oldest first, whether they came from the stream or
 * from REST after a reconnect. While a gap is filled, live bars are held; on release the
 * gap's bars and the held ones are emitted together in time order, and anything at or before
 * the last emitted minute is dropped as a duplicate.
 */
export class MinuteBarSequencer {
  private readonly symbols = new Map<string, SymbolState>();
  duplicates = 0;

  constructor(private readonly emit: (symbol: string, bar: Bar) => void) {}

  /** The session for `symbol` starts with the minute containing `now`. */
  track(symbol: string, now: number): void {
    if (this.symbols.has(symbol)) return;
    this.symbols.set(symbol, { last: Math.floor(now / MINUTE_MS) * MINUTE_MS - MINUTE_MS, held: null });
  }

  forget(symbol: string): void {
    this.symbols.delete(symbol);
  }

  /** Open time of the first minute not yet emitted, or null for an untracked symbol. */
  nextExpected(symbol: string): number | null {
    const state = this.symbols.get(symbol);
    return state ? state.last + MINUTE_MS : null;
  }

  live(symbol: string, bar: Bar): void {
    const state = this.symbols.get(symbol);
    if (!state) return;
    if (state.held) {
      state.held.set(bar.time, bar);
      return;
    }
    if (bar.time <= state.last) {
      this.duplicates += 1;
      return;
    }
    state.last = bar.time;
    this.emit(symbol, bar);
  }

  hold(symbol: string): void {
    const state = this.symbols.get(symbol);
    if (state && !state.held) state.held = new Map();
  }

  /** Bars fetched for the gap; a live bar of the same minute wins (it is what the stream said). */
  absorb(symbol: string, bars: readonly Bar[]): void {
    const held = this.symbols.get(symbol)?.held;
    if (!held) return;
    // Same shape as a streamed bar: the socket's aggregates have no trade count.
    for (const bar of bars) if (!held.has(bar.time)) held.set(bar.time, { ...bar, trades: null });
  }

  release(symbol: string): void {
    const state = this.symbols.get(symbol);
    if (!state?.held) return;
    const bars = [...state.held.values()].sort((a, b) => a.time - b.time);
    state.held = null;
    for (const bar of bars) this.live(symbol, bar);
  }
}
