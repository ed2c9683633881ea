import WebSocket from 'ws';
import { RpcClient } from '@shared/client/rpc-client';
import { SocketTransport, type SocketLike } from '@shared/client/socket-transport';

/** A typed contract client over `ws`, for the CLI and tests. */
export function connectNodeClient(
  url: string,
  options: { reconnect?: boolean; headers?: Record<string, string>; requestTimeoutMs?: number } = {},
): RpcClient {
  const transport = new SocketTransport({
    url,
    createSocket: (target) => new WebSocket(target, { headers: options.headers ?? {} }) as unknown as SocketLike,
    schedule: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    reconnect: options.reconnect ?? false,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  return new RpcClient(transport);
}

export function rpcUrl(origin: string, token: string): string {
  return `${origin.replace(/^http/, 'ws')}/rpc?token=${encodeURIComponent(token)}`;
}
