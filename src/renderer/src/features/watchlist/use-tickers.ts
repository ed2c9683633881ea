import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Ticker } from '@shared/dto/market-data';
import { useServices } from '../../app/app-context';

/** The last ticker of one symbol; re-renders only when that symbol's ticker changes. */
export function useTicker(symbol: string): Ticker | undefined {
  return useStore(useServices().stores.tickers, (s) => s.tickers[symbol]);
}

/** Keeps the ticker store watching these symbols (fetching new ones with `md.tickers`). */
export function useWatchTickers(symbols: readonly string[]): void {
  const store = useServices().stores.tickers;
  const key = symbols.join(' ');
  useEffect(() => {
    void store.getState().watch(key === '' ? [] : key.split(' '));
  }, [store, key]);
}
