import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Settings, SettingsPatch } from '@shared/dto/settings';
import { errorMessage, type EngineClient } from '../engine-client';
import { applyPatch, revertPatch } from './settings-patch';

export type SettingsStatus = 'loading' | 'ready' | 'saving' | 'error';

/** What a save produced: the engine's stored settings, or why it refused. */
export type SaveOutcome = { ok: true; settings: Settings } | { ok: false; message: string };

export interface SettingsSlice {
  /** The engine's settings; null until first loaded (stays set across reconnects). */
  settings: Settings | null;
  status: SettingsStatus;
  /** Message of the last failed load or save. */
  error: string | null;
  /** Fetches settings; never rejects (failures land in `status`/`error`). */
  load: () => Promise<void>;
  /** Applies a pushed `settings.changed` payload. */
  receive: (settings: Settings) => void;
  /**
   * Saves the named keys through `settings.update`. The patch shows at once (optimistic);
   * if the engine refuses, the patched keys go back and the outcome carries the message.
   */
  update: (patch: SettingsPatch) => Promise<SaveOutcome>;
  toggleTheme: () => Promise<SaveOutcome>;
}

export type SettingsStore = StoreApi<SettingsSlice>;

export function createSettingsStore(client: EngineClient): SettingsStore {
  let saving = 0;

  return createStore<SettingsSlice>()((set, get) => ({
    settings: null,
    status: 'loading',
    error: null,

    load: async () => {
      if (saving === 0) set({ status: 'loading' });
      try {
        const settings = await client.call('settings.get', {});
        set({ settings, status: saving > 0 ? 'saving' : 'ready', error: null });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },

    receive: (settings) => set((s) => ({ settings, status: s.status === 'loading' ? 'ready' : s.status })),

    update: async (patch) => {
      const before = get().settings;
      if (before) set({ settings: applyPatch(before, patch) });
      saving += 1;
      set({ status: 'saving' });
      try {
        const stored = await client.call('settings.update', patch);
        saving -= 1;
        // While other saves are in flight, their optimistic values stay; the last one wins.
        set((s) => ({
          settings: saving > 0 ? s.settings : stored,
          status: saving > 0 ? 'saving' : 'ready',
          error: null,
        }));
        return { ok: true, settings: stored };
      } catch (error) {
        saving -= 1;
        const message = errorMessage(error);
        set((s) => ({
          settings: s.settings && before ? revertPatch(s.settings, before, patch) : s.settings,
          status: saving > 0 ? 'saving' : 'error',
          error: message,
        }));
        return { ok: false, message };
      }
    },

    toggleTheme: () => {
      const theme = get().settings?.theme ?? 'dark';
      return get().update({ theme: theme === 'dark' ? 'light' : 'dark' });
    },
  }));
}
