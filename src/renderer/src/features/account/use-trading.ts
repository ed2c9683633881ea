import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';
import type { TradingSlice, TradingStore } from '../../store/trading/trading-store';

/** A slice of the trading books; re-renders when the selected value changes. */
export function useTrading<T>(selector: (state: TradingSlice) => T): T {
  return useStore(useServices().stores.trading, selector);
}

/** The trading store itself, for actions (cancel, replace, close, kill switch). */
export function useTradingStore(): TradingStore {
  return useServices().stores.trading;
}
