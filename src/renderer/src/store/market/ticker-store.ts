import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Ticker } from '@shared/dto/market-data';
import { errorMessage, type EngineClient } from '../engine-client';

/** How long pushed tickers are gathered before the watchlist re-renders (at most 10 times a second). */
export const TICKER_FLUSH_MS = 100;

export type TickerStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface TickerSlice {
  /** Last known ticker per symbol. */
  tickers: Readonly<Record<string, Ticker>>;
  /** The symbols the watchlist shows; `load` fetches these. */
  symbols: readonly string[];
  status: TickerStatus;
  error: string | null;
  /** Sets the watched symbols and fetches the ones not known yet; never rejects. */
  watch: (symbols: readonly string[]) => Promise<void>;
  /** Fetches every watched symbol (after a reconnect); never rejects. */
  load: () => Promise<void>;
  /** Takes a pushed `md.ticker`; applied in batches, an older ticker never replaces a newer one. */
  receive: (ticker: Ticker) => void;
}

export type TickerStore = StoreApi<TickerSlice>;

export interface TickerStoreOptions {
  /** Runs `flush` later; returns nothing. Tests pass one that runs at once or on demand. */
  schedule?: (flush: () => void) => void;
}

const defaultSchedule = (flush: () => void): void => {
  setTimeout(flush, TICKER_FLUSH_MS);
};

/** The newest of two tickers for one symbol. */
function newer(current: Ticker | undefined, next: Ticker): Ticker {
  return current && current.time > next.time ? current : next;
}

export function createTickerStore(client: EngineClient, options: TickerStoreOptions = {}): TickerStore {
  const schedule = options.schedule ?? defaultSchedule;
  let pending = new Map<string, Ticker>();
  let flushScheduled = false;
  let loadToken = 0;

  return createStore<TickerSlice>()((set, get) => {
    const merge = (incoming: Iterable<Ticker>): void => {
      const tickers = { ...get().tickers };
      let changed = false;
      for (const ticker of incoming) {
        const kept = newer(tickers[ticker.symbol], ticker);
        if (kept !== tickers[ticker.symbol]) {
          tickers[ticker.symbol] = kept;
          changed = true;
        }
      }
      if (changed) set({ tickers });
    };

    const flush = (): void => {
      flushScheduled = false;
      const batch = pending;
      pending = new Map();
      merge(batch.values());
    };

    const fetch = async (symbols: readonly string[]): Promise<void> => {
      if (symbols.length === 0) return;
      const token = ++loadToken;
      set({ status: 'loading' });
      try {
        const tickers = await client.call('md.tickers', { symbols: [...symbols] });
        merge(tickers);
        if (token === loadToken) set({ status: 'ready', error: null });
      } catch (error) {
        if (token === loadToken) set({ status: 'error', error: errorMessage(error) });
      }
    };

    return {
      tickers: {},
      symbols: [],
      status: 'idle',
      error: null,

      watch: async (symbols) => {
        const before = new Set(get().symbols);
        set({ symbols: [...symbols] });
        const known = get().tickers;
        await fetch(symbols.filter((symbol) => !before.has(symbol) || !known[symbol]));
      },

      load: () => fetch(get().symbols),

      receive: (ticker) => {
        pending.set(ticker.symbol, newer(pending.get(ticker.symbol), ticker));
        if (flushScheduled) return;
        flushScheduled = true;
        schedule(flush);
      },
    };
  });
}
