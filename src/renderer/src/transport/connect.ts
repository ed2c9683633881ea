import { BRIDGE_GLOBAL, type KestrelBridge } from '@shared/contract/bridge';
import { RpcClient } from '@shared/client/rpc-client';
import { SocketTransport, type SocketLike } from '@shared/client/socket-transport';
import { ElectronTransport } from './electron-transport';

/**
 * Picks the transport once at start: the preload bridge when running in Electron,
 * otherwise a WebSocket back to the serving engine, with the token from the page URL.
 */
export function connectToEngine(location: Location = window.location): RpcClient {
  const bridge = (window as unknown as Record<string, KestrelBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return new RpcClient(new ElectronTransport(bridge), warn);

  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${location.host}/rpc?token=${encodeURIComponent(token)}`;
  const transport = new SocketTransport({
    url,
    // The DOM types its handlers with Event subtypes; SocketLike only reads what both have.
    createSocket: (target) => new WebSocket(target) as unknown as SocketLike,
    schedule: (run, ms) => {
      const handle = window.setTimeout(run, ms);
      return () => window.clearTimeout(handle);
    },
  });
  return new RpcClient(transport, warn);
}

function warn(message: string): void {
  console.warn(`[kestrel] ${message}`);
}
