import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';

export type FakeCluster = 'stocks' | 'crypto';

/** One connected client as the fake sees it. */
export interface FakeClient {
  ws: WebSocket;
  cluster: FakeCluster;
  key: string | null;
  subs: Set<string>;
}

/** A market event addressed by channel (`T`, `XA` …) and socket symbol (`AAPL`, `BTC-USD`). */
export interface Addressed {
  channel: string;
  symbol: string;
  body: Record<string, unknown>;
}

export interface SocketState {
  apiKeys: ReadonlySet<string>;
  /** Channel prefixes (`Q`, `A` …) a key's plan does not include. */
  unentitled(key: string): readonly string[];
  /** While true, new connections are refused at the upgrade (503), as during an outage. */
  refusing: boolean;
}

const status = (status: string, message: string) => ({ ev: 'status', status, message });

/** Polygon's socket protocol: `connected` → auth → `auth_success` → per-channel subscription replies. */
export class FakeSockets {
  readonly clients = new Set<FakeClient>();
  private readonly wss = new WebSocketServer({ noServer: true });
  connections = 0;
  received: string[] = [];

  constructor(readonly state: SocketState) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const cluster: FakeCluster | null = path === '/stocks' ? 'stocks' : path === '/crypto' ? 'crypto' : null;
    if (cluster === null || this.state.refusing) {
      socket.end(cluster === null ? 'HTTP/1.1 404 Not Found\r\n\r\n' : 'HTTP/1.1 503 Service Unavailable\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, cluster));
  }

  private accept(ws: WebSocket, cluster: FakeCluster): void {
    const client: FakeClient = { ws, cluster, key: null, subs: new Set() };
    this.connections += 1;
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('message', (data: Buffer) => this.onMessage(client, data.toString('utf8')));
    ws.send(JSON.stringify([status('connected', 'Connected Successfully')]));
  }

  private onMessage(client: FakeClient, text: string): void {
    let message: { action?: unknown; params?: unknown };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return void client.ws.send(JSON.stringify([status('error', 'invalid json')]));
    }
    const params = typeof message.params === 'string' ? message.params : '';
    if (message.action === 'auth') {
      this.received.push('auth'); // never the key itself
      if (this.state.apiKeys.has(params)) {
        client.key = params;
        client.ws.send(JSON.stringify([status('auth_success', 'authenticated')]));
      } else {
        client.ws.send(JSON.stringify([status('auth_failed', 'authentication failed')]));
        client.ws.close(1008);
      }
      return;
    }
    this.received.push(`${String(message.action)} ${params}`);
    if (client.key === null) return void client.ws.send(JSON.stringify([status('error', 'not authorized')]));
    const unentitled = this.state.unentitled(client.key);
    const replies = params
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((param) => {
        if (message.action === 'unsubscribe') {
          client.subs.delete(param);
          return status('success', `unsubscribed to: ${param}`);
        }
        if (unentitled.includes(param.split('.')[0] ?? '')) return status('error', 'not authorized');
        client.subs.add(param);
        return status('success', `subscribed to: ${param}`);
      });
    if (replies.length > 0) client.ws.send(JSON.stringify(replies));
  }

  /** Sends `events` to every authenticated client of `cluster`, each its subscribed share, `batch` per frame. */
  async broadcast(cluster: FakeCluster, events: readonly Addressed[], batch: number): Promise<void> {
    const sends: Promise<void>[] = [];
    for (const client of this.clients) {
      if (client.cluster !== cluster || client.key === null || client.ws.readyState !== WebSocket.OPEN) continue;
      const mine = events.filter((e) => client.subs.has(`${e.channel}.${e.symbol}`) || client.subs.has(`${e.channel}.*`));
      for (let i = 0; i < mine.length; i += batch) sends.push(sendAsync(client.ws, JSON.stringify(mine.slice(i, i + batch).map((e) => e.body))));
    }
    await Promise.all(sends);
  }

  async sendRaw(frames: readonly string[], filter: (client: FakeClient) => boolean): Promise<number> {
    const targets = [...this.clients].filter((c) => c.key !== null && c.ws.readyState === WebSocket.OPEN && filter(c));
    await Promise.all(targets.flatMap((c) => frames.map((frame) => sendAsync(c.ws, frame))));
    return targets.length;
  }

  /** Cuts connections without a close handshake, like a network drop. */
  drop(filter: (client: FakeClient) => boolean): number {
    const targets = [...this.clients].filter(filter);
    for (const client of targets) client.ws.terminate();
    return targets.length;
  }

  close(): void {
    for (const client of this.clients) client.ws.terminate();
    this.wss.close();
  }
}

function sendAsync(ws: WebSocket, text: string): Promise<void> {
  return new Promise((resolve) => ws.send(text, () => resolve()));
}
