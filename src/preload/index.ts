/**
 * The sandboxed preload: exposes `window.kestrel` (one invoke channel, one event channel) and
 * nothing else. Imports only electron and the tiny bridge contract: a sandboxed preload can't
 * require our modules at run time, so everything here is bundled into one CJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, EVENT_CHANNEL, RPC_CHANNEL, type KestrelBridge } from '@shared/contract/bridge';

const bridge: KestrelBridge = {
  invoke(message: unknown): Promise<unknown> {
    return ipcRenderer.invoke(RPC_CHANNEL, message) as Promise<unknown>;
  },
  onEvent(listener: (message: unknown) => void): () => void {
    // The renderer gets the message only, never the IpcRendererEvent (it carries `sender`).
    const relay = (_event: IpcRendererEvent, message: unknown): void => {
      listener(message);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
