import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { TradeUpdateData } from './order-book';

interface TradeClient {
  ws: WebSocket;
  authorized: boolean;
  listening: boolean;
}

/** One emitted update and how many sockets it reached (0 = lost, as on Alpaca). */
export interface TradeLogEntry {
  data: TradeUpdateData;
  delivered: number;
}

/**
 * The trading stream at /stream (docs.alpaca.markets/docs/websocket-streaming): auth →
 * authorization, listen → listening, then one JSON object per frame on `trade_updates`.
 * paper-api sends binary frames; `frames` switches to text. Missed updates are never replayed.
 */
export class TradeStream {
  readonly clients = new Set<TradeClient>();
  readonly log: TradeLogEntry[] = [];
  /** Every client message as sent, auth included (so tests can see what carried the secret). */
  readonly received: string[] = [];
  connections = 0;
  refusing = false;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(
    private readonly keys: ReadonlyMap<string, string>,
    public frames: 'binary' | 'text',
  ) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.refusing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    const client: TradeClient = { ws, authorized: false, listening: false };
    this.connections += 1;
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('message', (data: Buffer) => this.onMessage(client, data.toString('utf8')));
  }

  private onMessage(client: TradeClient, text: string): void {
    this.received.push(text);
    let msg: { action?: unknown; key?: unknown; secret?: unknown; data?: { key_id?: unknown; secret_key?: unknown; streams?: unknown } };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return this.send(client, { stream: 'authorization', data: { status: 'unauthorized', action: 'unknown' } });
    }
    if (msg.action === 'auth' || msg.action === 'authenticate') {
      // Current docs: {"action":"auth","key","secret"}; older clients: {"action":"authenticate","data":{"key_id","secret_key"}}.
      const key = msg.action === 'auth' ? msg.key : msg.data?.key_id;
      const secret = msg.action === 'auth' ? msg.secret : msg.data?.secret_key;
      client.authorized = typeof key === 'string' && this.keys.get(key) === secret;
      return this.send(client, { stream: 'authorization', data: { status: client.authorized ? 'authorized' : 'unauthorized', action: 'authenticate' } });
    }
    if (msg.action === 'listen') {
      if (!client.authorized) return this.send(client, { stream: 'authorization', data: { status: 'unauthorized', action: 'listen' } });
      const asked = Array.isArray(msg.data?.streams) ? (msg.data.streams as unknown[]) : [];
      // Streams the server does not offer are left out of the acknowledgement.
      const streams = asked.filter((s) => s === 'trade_updates');
      client.listening = streams.length > 0;
      return this.send(client, { stream: 'listening', data: { streams } });
    }
  }

  /** Sends an update to every listening socket; returns how many got it. */
  publish(data: TradeUpdateData): number {
    let delivered = 0;
    for (const c of this.clients) {
      if (!c.authorized || !c.listening || c.ws.readyState !== WebSocket.OPEN) continue;
      this.send(c, { stream: 'trade_updates', data });
      delivered += 1;
    }
    this.log.push({ data, delivered });
    return delivered;
  }

  /** Docs ("Error messages"): an `error` action, then the server closes the connection. */
  error(message: string): void {
    for (const c of this.clients) {
      this.send(c, { action: 'error', data: { error_message: message } });
      c.ws.close(1011);
    }
  }

  listeners(): number {
    return [...this.clients].filter((c) => c.listening && c.ws.readyState === WebSocket.OPEN).length;
  }

  drop(): number {
    const n = this.clients.size;
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
    return n;
  }

  close(): void {
    this.drop();
    this.wss.close();
  }

  private send(client: TradeClient, message: unknown): void {
    const text = JSON.stringify(message);
    client.ws.send(this.frames === 'binary' ? Buffer.from(text, 'utf8') : text, { binary: this.frames === 'binary' });
  }
}
