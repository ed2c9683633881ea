import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState as TransportState } from '@shared/client/transport';
import type { EngineInfo, FeedStatus } from '@shared/dto/system';
import { errorMessage, type EngineClient } from '../engine-client';

export type { TransportState };

export interface ConnectionSlice {
  /** The transport's state as the client reports it. */
  transport: TransportState;
  /** True once the transport has been open: a later 'connecting' is a reconnect. */
  hasBeenOpen: boolean;
  /** Engine identity (mode, version, data directory); null until first loaded. */
  info: EngineInfo | null;
  /** Market-data feed status; null until first loaded. */
  feed: FeedStatus | null;
  /** Message of the last failed load, cleared by the next successful one. */
  error: string | null;
  setTransport: (state: TransportState) => void;
  /** Applies a pushed feed status, ignoring one older than what is shown. */
  setFeed: (feed: FeedStatus) => void;
  /** Fetches engine info and feed status; never rejects (failures land in `error`). */
  load: () => Promise<void>;
}

export type ConnectionStore = StoreApi<ConnectionSlice>;

export function createConnectionStore(client: EngineClient): ConnectionStore {
  return createStore<ConnectionSlice>()((set, get) => ({
    transport: 'connecting',
    hasBeenOpen: false,
    info: null,
    feed: null,
    error: null,

    setTransport: (transport) => set((s) => ({ transport, hasBeenOpen: s.hasBeenOpen || transport === 'open' })),

    setFeed: (feed) => {
      const current = get().feed;
      if (current && feed.since < current.since) return;
      set({ feed });
    },

    load: async () => {
      try {
        const [info, feed] = await Promise.all([client.call('system.info', {}), client.call('feed.status', {})]);
        set({ info, error: null });
        get().setFeed(feed);
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
  }));
}
