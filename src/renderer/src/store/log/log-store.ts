import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LogEntry } from '@shared/dto/log';
import { errorMessage, type EngineClient } from '../engine-client';
import { LOG_CAP, LOG_RECENT_LIMIT, appendCapped, mergeBySeq } from './log-buffer';

export type LogStatus = 'loading' | 'ready' | 'error';

export interface LogSlice {
  /** Oldest first, at most LOG_CAP. */
  entries: LogEntry[];
  status: LogStatus;
  error: string | null;
  /** Appends a pushed `log.entry`. */
  append: (entry: LogEntry) => void;
  /** Replaces the entries with `log.recent`; never rejects. */
  load: () => Promise<void>;
}

export type LogStore = StoreApi<LogSlice>;

export function createLogStore(client: EngineClient, cap: number = LOG_CAP): LogStore {
  // Entries pushed while a load is in flight, so the fetched batch does not hide them.
  let arrivedDuringLoad: LogEntry[] | null = null;
  let loadToken = 0;

  return createStore<LogSlice>()((set, get) => ({
    entries: [],
    status: 'loading',
    error: null,

    append: (entry) => {
      arrivedDuringLoad?.push(entry);
      set({ entries: appendCapped(get().entries, entry, cap) });
    },

    load: async () => {
      const token = ++loadToken;
      arrivedDuringLoad = [];
      try {
        const recent = await client.call('log.recent', { limit: LOG_RECENT_LIMIT });
        if (token !== loadToken) return;
        set({ entries: mergeBySeq(recent, arrivedDuringLoad ?? [], cap), status: 'ready', error: null });
      } catch (error) {
        if (token !== loadToken) return;
        set({ status: 'error', error: errorMessage(error) });
      } finally {
        if (token === loadToken) arrivedDuringLoad = null;
      }
    },
  }));
}
