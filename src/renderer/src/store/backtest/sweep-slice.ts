import type { ParamsIn } from '@shared/contract/rpc';
import type { SweepProgress, SweepRow } from '@shared/dto/backtest';
import { errorMessage, type EngineClient } from '../engine-client';

export interface SweepState {
  /** The sweep shown; null before the first start. */
  sweepId: string | null;
  /** The parameters on the heat map's axes (y null for a one-parameter sweep). */
  axes: { x: string; y: string | null } | null;
  walkForward: boolean;
  progress: SweepProgress | null;
  /** Filled when the sweep ends (finished, canceled or failed: what had run). */
  rows: SweepRow[];
  starting: boolean;
  error: string | null;
}

export const IDLE_SWEEP: SweepState = { sweepId: null, axes: null, walkForward: false, progress: null, rows: [], starting: false, error: null };

export const isFinal = (progress: SweepProgress | null): boolean => progress !== null && progress.state !== 'running';

export interface SweepActions {
  startSweep: (request: ParamsIn<'backtest.sweep.start'>, axes: { x: string; y: string | null }) => Promise<void>;
  cancelSweep: () => Promise<void>;
  /** Takes a pushed `backtest.sweep.progress`; others' sweeps are ignored. */
  receiveSweepProgress: (progress: SweepProgress) => void;
}

type Get = () => { sweep: SweepState };
type Set = (partial: { sweep: SweepState }) => void;

/**
 * The sweep's life: start, progress pushed by the engine, cancel, and the rows fetched once it
 * ends. Progress may arrive before `start` answers with the id; the latest is kept per id and
 * applied once the id is known.
 */
export function sweepActions(client: EngineClient, get: Get, set: Set): SweepActions {
  const early = new Map<string, SweepProgress>();
  const patch = (change: Partial<SweepState>): void => set({ sweep: { ...get().sweep, ...change } });

  const fetchRows = async (sweepId: string): Promise<void> => {
    try {
      const result = await client.call('backtest.sweep.get', { sweepId });
      const current = get().sweep;
      // Another sweep started, or this answer is older than the end we already know.
      if (current.sweepId !== sweepId || (isFinal(current.progress) && !isFinal(result.progress))) return;
      patch({ rows: result.rows, progress: isFinal(current.progress) ? current.progress : result.progress });
    } catch (error) {
      if (get().sweep.sweepId === sweepId) patch({ error: errorMessage(error) });
    }
  };

  const apply = (progress: SweepProgress): void => {
    if (isFinal(get().sweep.progress)) return;
    patch({ progress });
    if (isFinal(progress)) void fetchRows(progress.sweepId);
  };

  return {
    startSweep: async (request, axes) => {
      early.clear();
      set({ sweep: { ...IDLE_SWEEP, axes, walkForward: request.walkForward !== undefined, starting: true } });
      try {
        const { sweepId } = await client.call('backtest.sweep.start', request);
        patch({ sweepId, starting: false });
        const seen = early.get(sweepId);
        early.clear();
        if (seen) apply(seen);
        // A short sweep can end before its events reach us: ask once.
        if (!isFinal(get().sweep.progress)) await fetchRows(sweepId);
      } catch (error) {
        patch({ starting: false, error: errorMessage(error) });
      }
    },

    cancelSweep: async () => {
      const { sweepId } = get().sweep;
      if (sweepId === null) return;
      try {
        apply(await client.call('backtest.sweep.cancel', { sweepId }));
      } catch (error) {
        patch({ error: errorMessage(error) });
      }
    },

    receiveSweepProgress: (progress) => {
      const { sweepId, starting } = get().sweep;
      if (sweepId === null && starting) early.set(progress.sweepId, progress);
      else if (progress.sweepId === sweepId) apply(progress);
    },
  };
}
