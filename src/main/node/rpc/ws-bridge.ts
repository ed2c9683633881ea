import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { errorResponse, type ServerMessage } from '@shared/contract/envelope';
import type { RpcErrorBody } from '@shared/contract/errors';
import type { Logger } from '../../core/ports/logger';
import type { Engine } from '../host';
import { rawText } from '../adapters/socket/raw-text';

export interface WsBridgeOptions {
  engine: Engine;
  token: string;
  logger: Logger;
  /** Origins a browser page may connect from; a request without Origin (CLI, tests) is allowed. */
  allowedOrigins: () => ReadonlySet<string>;
  /** Frames above this get FRAME_TOO_LARGE and the connection stays up. */
  maxFrameBytes?: number;
  /** Frames above this close the connection (1009) before they are buffered whole. */
  hardFrameLimitBytes?: number;
  /** A client that lets this much pile up unread is disconnected. */
  maxBufferedBytes?: number;
  heartbeatMs?: number;
}

export const RPC_PATH = '/rpc';

/**
 * Carries the contract over WebSocket: authenticates the upgrade (token and Origin), turns
 * each text frame into one envelope for the client's session, and answers every bad frame
 * with a structured error without disturbing anyone else.
 */
export function attachWsBridge(server: Server, options: WsBridgeOptions): { close(): Promise<void>; clientCount(): number } {
  const maxFrame = options.maxFrameBytes ?? 256 * 1024;
  const hardLimit = options.hardFrameLimitBytes ?? 4 * 1024 * 1024;
  const maxBuffered = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const log = options.logger;
  const wss = new WebSocketServer({ noServer: true, maxPayload: hardLimit, perMessageDeflate: false });
  const expected = Buffer.from(options.token);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    if (url.pathname !== RPC_PATH) return refuse(socket, 404, 'Not Found');
    const origin = req.headers.origin;
    if (origin !== undefined && !options.allowedOrigins().has(origin)) {
      log.warn('WebSocket refused: foreign Origin', { remote, origin: origin.slice(0, 200) });
      return refuse(socket, 403, 'Forbidden');
    }
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      log.warn('WebSocket refused: missing or wrong token', { remote });
      return refuse(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    const send = (message: ServerMessage): void => {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > maxBuffered) {
        log.warn('Disconnecting a client that does not read its messages', { remote });
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(message));
    };
    const session = options.engine.openSession(`ws ${remote}`, send);
    const refuseFrame = (error: RpcErrorBody): void => {
      log.warn('Frame refused', { remote, code: error.code, message: error.message });
      send(errorResponse(null, error));
    };
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, options.heartbeatMs ?? 30_000);
    heartbeat.unref();

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const size = byteLength(data);
      if (isBinary) return refuseFrame({ code: 'BAD_FRAME', message: 'Binary frames are not accepted; send JSON text' });
      if (size > maxFrame) {
        return refuseFrame({ code: 'FRAME_TOO_LARGE', message: `Frame of ${size} bytes exceeds the limit of ${maxFrame} bytes` });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawText(data));
      } catch {
        return refuseFrame({ code: 'BAD_FRAME', message: 'Frame is not valid JSON' });
      }
      session.handle(parsed).then(send, (error: unknown) => {
        log.error('Session failed to answer', { remote, error: String(error) });
      });
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      session.close();
    });
    ws.on('error', (error) => {
      // e.g. a frame over the hard limit (ws closes with 1009) or a protocol violation.
      log.warn('WebSocket connection error', { remote, error: error.message });
    });
  });

  server.on('upgrade', onUpgrade);
  return {
    clientCount: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.close(1001, 'engine stopping');
        wss.close(() => resolve());
      }),
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}
