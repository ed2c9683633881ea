import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Timeframe } from '@shared/dto/market-data';

export type ChartState = 'idle' | 'loading' | 'ready' | 'empty' | 'error';
export type IndicatorState = 'idle' | 'loading' | 'ready' | 'error';

/** What the chart panel shows around the canvas, and the test/debug attributes on it. */
export interface ChartStatus {
  state: ChartState;
  /** Why loading failed, or a note about older bars. */
  message: string | null;
  symbol: string | null;
  timeframe: Timeframe | null;
  barCount: number;
  /** Open times (epoch ms) of the first and last loaded bar. */
  firstTime: number | null;
  lastTime: number | null;
  lastClose: number | null;
  hasMore: boolean;
  loadingOlder: boolean;
  /** Live bars applied since the page loaded. */
  liveUpdates: number;
  indicators: IndicatorState;
  indicatorError: string | null;
}

export const INITIAL_STATUS: ChartStatus = {
  state: 'idle',
  message: null,
  symbol: null,
  timeframe: null,
  barCount: 0,
  firstTime: null,
  lastTime: null,
  lastClose: null,
  hasMore: false,
  loadingOlder: false,
  liveUpdates: 0,
  indicators: 'idle',
  indicatorError: null,
};

export function createStatusStore(): StoreApi<ChartStatus> {
  return createStore<ChartStatus>()(() => INITIAL_STATUS);
}
