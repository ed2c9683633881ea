import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';
import { attachReplayStore, createReplayStore, type ReplaySlice } from './replay-store';

/** The replay store for the life of the component, fed by the engine. */
export function useReplay(): ReplaySlice {
  const { client } = useServices();
  const store = useMemo(() => createReplayStore(client), [client]);
  useEffect(() => attachReplayStore(client, store), [client, store]);
  return useStore(store);
}
