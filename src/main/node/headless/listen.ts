import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Engine } from '../host';
import { attachWsBridge } from '../rpc/ws-bridge';
import { staticFiles } from './static-files';

export interface ListenOptions {
  port: number;
  host: string;
  /** Fresh random token when not given. */
  token?: string;
  /** The built renderer to serve; null serves the WebSocket contract only (desktop control port). */
  rendererDir: string | null;
  maxFrameBytes?: number;
}

export interface Listening {
  /** The page to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Puts an engine on the network: HTTP for the renderer and the contract over WebSocket at
 * /rpc, on loopback by default, guarded by a token. Advertises itself in the data directory
 * so CLI commands reach this engine instead of opening its database.
 */
export async function listen(engine: Engine, options: ListenOptions): Promise<Listening> {
  const token = options.token ?? newToken();
  const logger = engine.logger.child('http');
  let origins = new Set<string>();
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  const handler = staticFiles(options.rendererDir, () => hosts);
  const bridge = attachWsBridge(server, {
    engine,
    token,
    logger: engine.logger.child('ws-bridge'),
    allowedOrigins: () => origins,
    ...(options.maxFrameBytes === undefined ? {} : { maxFrameBytes: options.maxFrameBytes }),
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', options.host.includes(':') ? `[${options.host}]` : options.host]);
  hosts = new Set([...names].map((name) => `${name}:${port}`));
  origins = new Set([...hosts].map((host) => `http://${host}`));

  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${shownHost}:${port}`;
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    logger.warn('Listening beyond loopback: anyone who can reach this address and has the token can trade', { host: options.host });
  }
  await engine.advertise({ url: origin, token });
  logger.info('Listening', { url: origin });

  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close() {
      closed ??= (async () => {
        await bridge.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
}
