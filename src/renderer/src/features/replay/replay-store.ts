import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReplayStart, ReplayStatus } from '@shared/dto/replay';
import { errorMessage, type EngineClient } from '../../store/engine-client';

export const IDLE_REPLAY: ReplayStatus = { state: 'idle', symbol: null, timeframe: null, speed: 1, replayTime: null, from: null, to: null, revision: 0 };

export interface ReplaySlice {
  status: ReplayStatus;
  /** The last refused command, shown under the bar until the next one. */
  error: string | null;
  /** A command is on its way. */
  busy: boolean;
  load: () => Promise<void>;
  /** Takes a pushed `md.replay.status`. */
  receive: (status: ReplayStatus) => void;
  start: (request: ReplayStart) => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  stop: () => Promise<void>;
  setSpeed: (speed: number) => Promise<void>;
}

export type ReplayStore = StoreApi<ReplaySlice>;

/** The engine's one replay, as the replay bar shows and drives it. Commands never reject. */
export function createReplayStore(client: Pick<EngineClient, 'call'>): ReplayStore {
  return createStore<ReplaySlice>()((set) => {
    const run = async (command: () => Promise<ReplayStatus>): Promise<void> => {
      set({ busy: true, error: null });
      try {
        set({ status: await command(), busy: false });
      } catch (error) {
        set({ error: errorMessage(error), busy: false });
      }
    };
    return {
      status: IDLE_REPLAY,
      error: null,
      busy: false,
      load: async () => {
        try {
          set({ status: await client.call('md.replay.status', {}) });
        } catch {
          // Stays as last known; the next push or reconnect brings it back.
        }
      },
      receive: (status) => set({ status }),
      start: (request) => run(() => client.call('md.replay.start', request)),
      pause: () => run(() => client.call('md.replay.pause', {})),
      resume: () => run(() => client.call('md.replay.resume', {})),
      stop: () => run(() => client.call('md.replay.stop', {})),
      setSpeed: (speed) => run(() => client.call('md.replay.speed', { speed })),
    };
  });
}

/** Pushes go into the store; each time the transport opens the status is fetched again. */
export function attachReplayStore(client: EngineClient, store: ReplayStore): () => void {
  const detach = [
    client.subscribe('md.replay.status', (status) => store.getState().receive(status)),
    client.onState((state) => {
      if (state === 'open') void store.getState().load();
    }),
  ];
  return () => {
    for (const off of detach) off();
  };
}
