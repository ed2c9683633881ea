import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';
import type { BacktestSlice } from '../../store/backtest/backtest-store';

export function useBacktest<T>(selector: (state: BacktestSlice) => T): T {
  return useStore(useServices().stores.backtest, selector);
}
