import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BacktestFill, BacktestRequestInput, BacktestResult, BacktestSummary, StrategyInfo } from '@shared/dto/backtest';
import { errorMessage, type EngineClient } from '../engine-client';
import { IDLE_SWEEP, sweepActions, type SweepActions, type SweepState } from './sweep-slice';

/** How many saved runs the list asks for. */
export const RUNS_LIMIT = 100;

/** The workspace's top-level view: the trading layout or the backtester. */
export type WorkspaceView = 'trade' | 'backtest';
export type RunStatus = 'idle' | 'running' | 'ready' | 'error';

/** A run's fills drawn on the price chart of `symbol`. */
export interface BacktestOverlay {
  runId: string;
  symbol: string;
  fills: readonly BacktestFill[];
}

export type ExportOutcome = { ok: true; fileName: string; mime: string; content: string } | { ok: false; error: string };

export interface BacktestSlice extends SweepActions {
  view: WorkspaceView;
  strategies: StrategyInfo[];
  /** Saved runs, newest first. */
  runs: BacktestSummary[];
  /** The run shown (just run, or reopened from the list). */
  result: BacktestResult | null;
  runStatus: RunStatus;
  /** The last failure of a run, open, delete or load. */
  error: string | null;
  overlay: BacktestOverlay | null;
  sweep: SweepState;
  setView: (view: WorkspaceView) => void;
  /** Fetches the strategies and the saved runs; never rejects. */
  load: () => Promise<void>;
  run: (request: BacktestRequestInput) => Promise<void>;
  open: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
  exportRun: (id: string, format: 'csv' | 'json') => Promise<ExportOutcome>;
  /** Draws the run's fills of its first symbol on the chart and switches to the trade view. */
  showOnChart: (result: BacktestResult) => void;
  clearOverlay: () => void;
}

export type BacktestStore = StoreApi<BacktestSlice>;

export function createBacktestStore(client: EngineClient): BacktestStore {
  let runToken = 0;

  return createStore<BacktestSlice>()((set, get) => {
    const loadRuns = async (): Promise<void> => set({ runs: await client.call('backtest.list', { limit: RUNS_LIMIT }) });
    const show = async (load: () => Promise<BacktestResult>): Promise<void> => {
      const token = ++runToken;
      set({ runStatus: 'running', error: null });
      try {
        const result = await load();
        if (token === runToken) set({ result, runStatus: 'ready' });
      } catch (error) {
        if (token === runToken) set({ runStatus: 'error', error: errorMessage(error) });
      }
    };

    return {
      view: 'trade',
      strategies: [],
      runs: [],
      result: null,
      runStatus: 'idle',
      error: null,
      overlay: null,
      sweep: IDLE_SWEEP,
      ...sweepActions(client, get, set),

      setView: (view) => {
        if (view !== get().view) set({ view });
      },

      load: async () => {
        const results = await Promise.allSettled([client.call('backtest.strategies', {}).then((strategies) => set({ strategies })), loadRuns()]);
        const failure = results.find((result) => result.status === 'rejected');
        if (failure) set({ error: errorMessage(failure.reason) });
      },

      run: async (request) => {
        await show(() => client.call('backtest.run', request));
        if (get().runStatus === 'ready') await loadRuns().catch(() => undefined);
      },

      open: (id) => show(() => client.call('backtest.get', { id })),

      remove: async (id) => {
        try {
          await client.call('backtest.delete', { id });
          set({ runs: get().runs.filter((run) => run.id !== id) });
          if (get().result?.id === id) set({ result: null, runStatus: 'idle' });
          if (get().overlay?.runId === id) set({ overlay: null });
        } catch (error) {
          set({ error: errorMessage(error) });
        }
      },

      exportRun: async (id, format) => {
        try {
          return { ok: true, ...(await client.call('backtest.export', { id, format, part: 'all' })) };
        } catch (error) {
          return { ok: false, error: errorMessage(error) };
        }
      },

      showOnChart: (result) => {
        const symbol = result.request.symbols[0];
        if (symbol === undefined) return;
        set({ overlay: { runId: result.id, symbol, fills: result.fills }, view: 'trade' });
      },

      clearOverlay: () => set({ overlay: null }),
    };
  });
}
