import { TIMEFRAME_MS, type Timeframe } from '@shared/dto/market-data';
import { fromFloat, type Decimal, type Price } from '@shared/money/decimal';
import type { FeedEvent } from '../../ports/market-feed';
import type { Bar, Quote, Trade } from '../../market-data/types';

/**
 * One market event as the matcher sees it: prices rounded to the instrument's tick, sizes
 * still floats (they only cap quantities). `time` is when the event's prices were current:
 * the trade or quote time, or the last instant of an intraday bar (a 09:30 one-minute bar
 * belongs to the regular session, a 09:29 one to the pre-market). Daily bars keep their
 * start time and count as the regular session (`daily`).
 */
export type Tape =
  | { source: 'quote'; time: number; bid: Price; ask: Price; bidSize: number; askSize: number }
  | { source: 'trade'; time: number; price: Price; size: number }
  | { source: 'bar'; time: number; daily: boolean; open: Price; high: Price; low: Price; close: Price; volume: number };

/** quote > trade > bar: a symbol is matched on the best kind of data it has ever shown. */
const RANK = { bar: 0, trade: 1, quote: 2 } as const;

interface SymbolState {
  quote: Quote | null;
  trade: Trade | null;
  bar: { bar: Bar; timeframe: Timeframe } | null;
  rank: number;
  /** The regular close of the last day a regular-session event was seen (for opening orders). */
  openedClose: number | null;
}

/**
 * The last quote, trade and bar per symbol (floats, as the feed gives them). Once a symbol
 * has shown quotes, its trades and bars only update the state: fills and triggers follow
 * the quotes, so the same market move is never matched twice from two kinds of data.
 */
export class MarketState {
  private readonly symbols = new Map<string, SymbolState>();

  /** Records an event; returns the symbol and whether the event should drive matching. */
  record(event: FeedEvent): { symbol: string; drives: boolean } | null {
    if (event.type === 'status') return null;
    const symbol = event.type === 'bar' ? event.symbol : event.type === 'trade' ? event.trade.symbol : event.quote.symbol;
    const state = this.stateOf(symbol);
    const rank = RANK[event.type];
    if (event.type === 'quote') state.quote = event.quote;
    else if (event.type === 'trade') state.trade = event.trade;
    else state.bar = { bar: event.bar, timeframe: event.timeframe };
    if (rank < state.rank) return { symbol, drives: false };
    state.rank = rank;
    return { symbol, drives: true };
  }

  /** The symbol's current market as a tape, on its best kind of data; a bar as its close. */
  current(symbol: string, tick: Decimal): Tape | null {
    const state = this.symbols.get(symbol);
    if (!state) return null;
    if (state.quote) return quoteTape(state.quote, tick);
    if (state.trade) return tradeTape(state.trade, tick);
    if (!state.bar) return null;
    const { bar, timeframe } = state.bar;
    return barTape({ ...bar, open: bar.close, high: bar.close, low: bar.close }, timeframe, tick);
  }

  hasData(symbol: string): boolean {
    return this.symbols.has(symbol);
  }

  /**
   * Marks a regular-session event on the day that closes at `close`; true when it is the
   * first such event of that day (the open, for opening orders).
   */
  markRegular(symbol: string, close: number): boolean {
    const state = this.stateOf(symbol);
    if (state.openedClose === close) return false;
    state.openedClose = close;
    return true;
  }

  private stateOf(symbol: string): SymbolState {
    let state = this.symbols.get(symbol);
    if (!state) {
      state = { quote: null, trade: null, bar: null, rank: -1, openedClose: null };
      this.symbols.set(symbol, state);
    }
    return state;
  }
}

/** The event as a tape, prices on the tick; null for status events. */
export function tapeOf(event: FeedEvent, tick: Decimal): Tape | null {
  switch (event.type) {
    case 'quote':
      return quoteTape(event.quote, tick);
    case 'trade':
      return tradeTape(event.trade, tick);
    case 'bar':
      return barTape(event.bar, event.timeframe, tick);
    case 'status':
      return null;
  }
}

function quoteTape(quote: Quote, tick: Decimal): Tape {
  return {
    source: 'quote',
    time: quote.time,
    bid: fromFloat(quote.bidPrice, tick),
    ask: fromFloat(quote.askPrice, tick),
    bidSize: quote.bidSize,
    askSize: quote.askSize,
  };
}

function tradeTape(trade: Trade, tick: Decimal): Tape {
  return { source: 'trade', time: trade.time, price: fromFloat(trade.price, tick), size: trade.size };
}

function barTape(bar: Bar, timeframe: Timeframe, tick: Decimal): Tape {
  const daily = timeframe === '1d';
  return {
    source: 'bar',
    time: daily ? bar.time : bar.time + TIMEFRAME_MS[timeframe] - 1,
    daily,
    open: fromFloat(bar.open, tick),
    high: fromFloat(bar.high, tick),
    low: fromFloat(bar.low, tick),
    close: fromFloat(bar.close, tick),
    volume: bar.volume,
  };
}
