import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export type DataFeed = 'iex' | 'sip';

/** The channels of the stock stream (docs: real-time-stock-pricing-data), in the reply's order. */
const CHANNELS = ['trades', 'quotes', 'bars', 'updatedBars', 'dailyBars', 'statuses', 'lulds'] as const;
type Channel = (typeof CHANNELS)[number];

interface DataClient {
  ws: WebSocket;
  feed: DataFeed;
  key: string | null;
  subs: Record<Channel, Set<string>>;
  authTimer: NodeJS.Timeout | null;
}

export interface DataStreamOptions {
  keys: ReadonlyMap<string, string>;
  /** Feeds each key may use; a key not listed may use both. */
  feeds?: Readonly<Record<string, readonly DataFeed[]>>;
  /** Concurrent authenticated sessions per key and feed (Alpaca: 1 on most plans). */
  connectionLimit: number;
  authTimeoutMs: number;
  /** Trades + quotes symbols per session (IEX free plan: 30); none by default. */
  symbolLimit?: number;
}

const msg = (T: string, rest: Record<string, unknown>) => JSON.stringify([{ T, ...rest }]);
const error = (code: number, text: string) => msg('error', { code, msg: text });

/**
 * Market data at /v2/iex and /v2/sip (docs.alpaca.markets/docs/streaming-market-data): text
 * frames, JSON arrays; control messages alone in their array, data points batched.
 */
export class DataStream {
  readonly clients = new Set<DataClient>();
  readonly received: string[] = [];
  connections = 0;
  refusing = false;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly options: DataStreamOptions) {}

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, feed: DataFeed): void {
    if (this.refusing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const key = req.headers['apca-api-key-id'];
    const secret = req.headers['apca-api-secret-key'];
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client = this.accept(ws, feed);
      // Docs: the same headers as REST authenticate during the handshake.
      if (typeof key === 'string' && typeof secret === 'string') this.auth(client, key, secret);
    });
  }

  private accept(ws: WebSocket, feed: DataFeed): DataClient {
    const subs = Object.fromEntries(CHANNELS.map((c) => [c, new Set<string>()])) as Record<Channel, Set<string>>;
    const client: DataClient = { ws, feed, key: null, subs, authTimer: null };
    this.connections += 1;
    this.clients.add(client);
    client.authTimer = setTimeout(() => this.fatal(client, 404, 'auth timeout'), this.options.authTimeoutMs);
    ws.on('close', () => {
      if (client.authTimer) clearTimeout(client.authTimer);
      this.clients.delete(client);
    });
    ws.on('message', (data: Buffer) => this.onMessage(client, data.toString('utf8')));
    ws.send(msg('success', { msg: 'connected' }));
    return client;
  }

  private onMessage(client: DataClient, text: string): void {
    this.received.push(text);
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(text) as Record<string, unknown>;
      if (typeof m !== 'object' || m === null || Array.isArray(m)) throw new Error('not an object');
    } catch {
      return void client.ws.send(error(400, 'invalid syntax'));
    }
    if (m.action === 'auth') return this.auth(client, m.key, m.secret);
    if (m.action !== 'subscribe' && m.action !== 'unsubscribe') return void client.ws.send(error(400, 'invalid syntax'));
    if (client.key === null) return void client.ws.send(error(401, 'not authenticated'));
    this.subscribe(client, m, m.action === 'subscribe');
  }

  private auth(client: DataClient, key: unknown, secret: unknown): void {
    if (client.key !== null) return void client.ws.send(error(403, 'already authenticated'));
    if (typeof key !== 'string' || this.options.keys.get(key) !== secret) return this.fatal(client, 402, 'auth failed');
    const allowed = this.options.feeds?.[key] ?? ['iex', 'sip'];
    if (!allowed.includes(client.feed)) return this.fatal(client, 409, 'insufficient subscription');
    const sessions = [...this.clients].filter((c) => c.key === key && c.feed === client.feed).length;
    if (sessions >= this.options.connectionLimit) return this.fatal(client, 406, 'connection limit exceeded');
    client.key = key;
    if (client.authTimer) clearTimeout(client.authTimer);
    client.ws.send(msg('success', { msg: 'authenticated' }));
  }

  private subscribe(client: DataClient, m: Record<string, unknown>, add: boolean): void {
    const asked = new Map<Channel, string[]>();
    for (const channel of CHANNELS) {
      const list = m[channel];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) return void client.ws.send(error(400, 'invalid syntax'));
      asked.set(channel, list as string[]);
    }
    if (add && this.options.symbolLimit !== undefined) {
      const count = (c: Channel) => new Set([...client.subs[c], ...(asked.get(c) ?? [])]).size;
      if (count('trades') + count('quotes') > this.options.symbolLimit) return void client.ws.send(error(405, 'symbol limit exceeded'));
    }
    for (const [channel, symbols] of asked) {
      for (const s of symbols) {
        if (add) client.subs[channel].add(s);
        else client.subs[channel].delete(s);
      }
    }
    const reply: Record<string, string[]> = {};
    for (const c of CHANNELS) reply[c] = [...client.subs[c]];
    // Corrections and cancel/errors follow the trade subscription automatically (docs).
    reply.corrections = [...client.subs.trades];
    reply.cancelErrors = [...client.subs.trades];
    client.ws.send(msg('subscription', reply));
  }

  /** Docs are silent on what follows these errors; the fake closes, as a client must expect. */
  private fatal(client: DataClient, code: number, text: string): void {
    client.ws.send(error(code, text));
    client.ws.close(1008);
  }

  /** Sends each authenticated client its subscribed share of `points`, one array per client. */
  publish(channel: Channel, points: readonly Record<string, unknown>[], feed?: DataFeed): number {
    let reached = 0;
    for (const c of this.clients) {
      if (c.key === null || (feed !== undefined && c.feed !== feed) || c.ws.readyState !== WebSocket.OPEN) continue;
      const subs = c.subs[channel];
      const mine = points.filter((p) => subs.has('*') || subs.has(String(p.S)));
      if (mine.length === 0) continue;
      c.ws.send(JSON.stringify(mine));
      reached += 1;
    }
    return reached;
  }

  /** Raw text to every authenticated client (bad JSON, unknown types …). */
  publishRaw(text: string, feed?: DataFeed): void {
    for (const c of this.clients) if (c.key !== null && (feed === undefined || c.feed === feed)) c.ws.send(text);
  }

  drop(): number {
    const n = this.clients.size;
    for (const c of this.clients) c.ws.terminate();
    return n;
  }

  close(): void {
    this.drop();
    this.wss.close();
  }
}
