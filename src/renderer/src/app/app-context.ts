import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RpcClient } from '@shared/client/rpc-client';
import type { Stores } from '../store/stores';
import type { ConnectionSlice } from '../store/connection/connection-store';
import type { SettingsSlice } from '../store/settings/settings-store';
import type { LogSlice } from '../store/log/log-store';

/** What the components reach through context: the engine client and the stores. */
export interface AppServices {
  client: RpcClient;
  stores: Stores;
}

export const AppContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('AppContext is missing: render the app inside <AppContext value={...}>');
  return services;
}

export function useConnection<T>(selector: (state: ConnectionSlice) => T): T {
  return useStore(useServices().stores.connection, selector);
}

export function useSettings<T>(selector: (state: SettingsSlice) => T): T {
  return useStore(useServices().stores.settings, selector);
}

export function useLog<T>(selector: (state: LogSlice) => T): T {
  return useStore(useServices().stores.log, selector);
}
