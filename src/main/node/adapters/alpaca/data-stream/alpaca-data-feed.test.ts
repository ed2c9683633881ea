import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { recordingLogger } from '../../../../../../test/support/recording-logger';
import type { FeedEvent } from '../../../../core/ports/market-feed';
import { seededRandom } from '../../../../core/ports/random';
import { systemScheduler } from '../../../system-scheduler';
import { createAlpacaDataFeed, type AlpacaDataFeed } from './alpaca-data-feed';
import { rawText } from '../../socket/raw-text';

const KEY = 'PKTESTKEY0000000001';
const SECRET = 'secret-that-must-never-be-logged';
type Channel = 'trades' | 'quotes' | 'bars';
const CHANNELS: readonly Channel[] = ['trades', 'quotes', 'bars'];

interface Session {
  ws: WebSocket;
  key: string | null;
  subs: Record<Channel, Set<string>>;
}

/**
 * Alpaca's market data stream protocol, as small as it can be: the welcome, auth (402 for a wrong
 * secret, 406 for a second connection on a key), subscribe/unsubscribe answered with the whole
 * set, and symbols in `unknown` left out of every reply as Alpaca leaves out what it will not serve.
 */
class LocalAlpacaStream {
  readonly sessions = new Set<Session>();
  readonly received: Record<string, unknown>[] = [];
  connections = 0;
  unknown = new Set<string>();

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (ws, request) => {
      this.connections += 1;
      if (request.url !== '/v2/iex') return ws.close(1008);
      const session: Session = { ws, key: null, subs: { trades: new Set(), quotes: new Set(), bars: new Set() } };
      this.sessions.add(session);
      ws.on('close', () => this.sessions.delete(session));
      ws.on('message', (data) => this.onMessage(session, JSON.parse(rawText(data)) as Record<string, unknown>));
      send(ws, { T: 'success', msg: 'connected' });
    });
  }

  static async start(): Promise<LocalAlpacaStream> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    return new LocalAlpacaStream(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/`;
  }

  /** Sends a raw frame to every logged-in session. */
  broadcast(frame: string): void {
    for (const s of this.sessions) if (s.key !== null) s.ws.send(frame);
  }

  dropAll(): void {
    for (const s of this.sessions) s.ws.terminate();
  }

  subscribes(): Record<string, unknown>[] {
    return this.received.filter((m) => m.action === 'subscribe');
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onMessage(session: Session, message: Record<string, unknown>): void {
    this.received.push(message);
    if (message.action === 'auth') return this.auth(session, message);
    if (session.key === null) return send(session.ws, { T: 'error', code: 401, msg: 'not authenticated' });
    for (const channel of CHANNELS) {
      const symbols = (message[channel] ?? []) as string[];
      for (const symbol of symbols) {
        if (message.action === 'subscribe' && !this.unknown.has(symbol)) session.subs[channel].add(symbol);
        if (message.action === 'unsubscribe') session.subs[channel].delete(symbol);
      }
    }
    const reply: Record<string, unknown> = { T: 'subscription' };
    for (const channel of CHANNELS) reply[channel] = [...session.subs[channel]].sort();
    send(session.ws, { ...reply, updatedBars: [], dailyBars: [], statuses: [], lulds: [], corrections: [], cancelErrors: [] });
  }

  private auth(session: Session, message: Record<string, unknown>): void {
    if (message.key !== KEY || message.secret !== SECRET) {
      send(session.ws, { T: 'error', code: 402, msg: 'auth failed' });
      return session.ws.close();
    }
    if ([...this.sessions].some((s) => s.key === KEY)) {
      send(session.ws, { T: 'error', code: 406, msg: 'connection limit exceeded' });
      return session.ws.close();
    }
    session.key = KEY;
    send(session.ws, { T: 'success', msg: 'authenticated' });
  }
}

function send(ws: WebSocket, message: object): void {
  ws.send(JSON.stringify([message]));
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function setup(options: { secret?: string; limitBackoffMs?: number } = {}) {
  const server = await LocalAlpacaStream.start();
  cleanups.push(() => server.close());
  return { server, open: () => openFeed(server, options) };
}

async function openFeed(server: LocalAlpacaStream, options: { secret?: string; limitBackoffMs?: number }) {
  const logger = recordingLogger();
  const feed: AlpacaDataFeed = createAlpacaDataFeed(
    { dataStreamUrl: server.url, feed: 'iex', keyId: KEY, secret: options.secret ?? SECRET },
    { scheduler: systemScheduler, logger, random: seededRandom(7) },
    { reconnectBackoff: { baseMs: 20, capMs: 60 }, connectionLimitBackoff: { baseMs: options.limitBackoffMs ?? 600, capMs: options.limitBackoffMs ?? 600 } },
  );
  const events: FeedEvent[] = [];
  feed.onEvent((event) => events.push(event));
  cleanups.push(() => feed.stop());
  await feed.start();
  const statuses = () => events.flatMap((e) => (e.type === 'status' ? [`${e.state}: ${e.label}`] : []));
  const state = () => statuses().at(-1)?.split(':')[0];
  return { feed, events, logger, statuses, state };
}

describe('AlpacaDataFeed against a local Alpaca stream', () => {
  it('logs in, subscribes, keeps the reply as the truth and streams trades, quotes and bars', async () => {
    const { server, open } = await setup();
    server.unknown.add('NOPE');
    const { feed, events, logger, statuses, state } = await open();
    feed.subscribe(['AAPL', 'MSFT']);
    await waitFor(() => state() === 'live' && feed.subscribed().trades.length === 2, 'live with two symbols');
    expect(server.received[0]).toEqual({ action: 'auth', key: KEY, secret: SECRET });
    expect(server.subscribes()).toEqual([{ action: 'subscribe', trades: ['AAPL', 'MSFT'], quotes: ['AAPL', 'MSFT'], bars: ['AAPL', 'MSFT'] }]);

    feed.subscribe(['NOPE']);
    await waitFor(() => state() === 'degraded', 'a symbol Alpaca left out');
    expect(statuses().at(-1)).toBe('degraded: Alpaca iex live; not subscribed: NOPE');
    expect(feed.subscribed()).toEqual({ trades: ['AAPL', 'MSFT'], quotes: ['AAPL', 'MSFT'], bars: ['AAPL', 'MSFT'] });
    feed.unsubscribe(['NOPE', 'MSFT']);
    await waitFor(() => state() === 'live' && feed.subscribed().trades.length === 1, 'back to live with AAPL only');
    expect(statuses().slice(0, 2)).toEqual(['connecting: Connecting to the Alpaca iex data stream', 'live: Alpaca iex live']);

    server.broadcast(
      JSON.stringify([
        { T: 't', S: 'AAPL', i: 52983525029461, x: 'V', p: 173.15, s: 100, c: ['@'], t: '2024-03-15T13:30:00.123456789Z', z: 'C' },
        { T: 'q', S: 'AAPL', bx: 'V', bp: 173.14, bs: 2, ax: 'V', ap: 173.16, as: 3, c: ['R'], t: '2024-03-15T13:30:00.2Z', z: 'C' },
        { T: 't', S: 'MSFT', i: 1, x: 'V', p: 400, s: 1, c: ['@'], t: '2024-03-15T13:30:00.3Z', z: 'C' },
        { T: 'q', S: 'AAPL', bp: 'oops' },
      ]),
    );
    server.broadcast('garbage');
    server.broadcast(JSON.stringify([{ T: 'b', S: 'AAPL', o: 173.1, h: 173.3, l: 173, c: 173.2, v: 12000, t: '2024-03-15T13:30:00Z', n: 85, vw: 173.17 }]));
    await waitFor(() => events.some((e) => e.type === 'bar'), 'the bar');
    const data = events.filter((e) => e.type !== 'status');
    expect(data).toEqual([
      {
        type: 'trade',
        trade: { symbol: 'AAPL', time: 1_710_509_400_123, timeNs: 1_710_509_400_123_456_789n, price: 173.15, size: 100, exchange: null, conditions: [], id: '52983525029461' },
      },
      { type: 'quote', quote: { symbol: 'AAPL', time: 1_710_509_400_200, timeNs: 1_710_509_400_200_000_000n, bidPrice: 173.14, bidSize: 2, askPrice: 173.16, askSize: 3 } },
      { type: 'bar', symbol: 'AAPL', timeframe: '1m', bar: { time: 1_710_509_400_000, open: 173.1, high: 173.3, low: 173, close: 173.2, volume: 12000, vwap: 173.17, trades: 85 } },
    ]);
    // MSFT was unsubscribed: its late trade is dropped. Two bad messages were counted and logged.
    expect(feed.stats()).toMatchObject({ malformed: 2, ignored: 1, connects: 1, reconnects: 0 });
    expect(logger.entries.filter((e) => e.message === 'Skipped a malformed Alpaca data message')).toHaveLength(2);
    expect(JSON.stringify(logger.entries, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(SECRET);
  });

  it('after a forced disconnect reconnects, logs in again and resubscribes exactly the wanted set', async () => {
    const { server, open } = await setup();
    const { feed, events, statuses, state } = await open();
    feed.subscribe(['AAPL', 'MSFT', 'TSLA']);
    await waitFor(() => feed.subscribed().bars.length === 3, 'three symbols');
    feed.unsubscribe(['TSLA']);
    await waitFor(() => feed.subscribed().bars.length === 2, 'TSLA gone');

    server.dropAll();
    await waitFor(() => statuses().some((s) => s.startsWith('degraded: Alpaca iex data stream reconnecting')), 'the drop noticed');
    await waitFor(() => state() === 'live' && feed.subscribed().bars.length === 2, 'live again');

    expect(server.received.filter((m) => m.action === 'auth')).toHaveLength(2);
    expect(server.subscribes().at(-1)).toEqual({ action: 'subscribe', trades: ['AAPL', 'MSFT'], quotes: ['AAPL', 'MSFT'], bars: ['AAPL', 'MSFT'] });
    expect(feed.stats()).toMatchObject({ connects: 2, reconnects: 1 });

    server.broadcast(JSON.stringify([{ T: 't', S: 'MSFT', i: 9, x: 'V', p: 401.5, s: 10, c: ['@'], t: '2024-03-15T13:31:00Z', z: 'C' }]));
    await waitFor(() => events.some((e) => e.type === 'trade'), 'a trade after the reconnect');
  });

  it('reports a second connection on the key (406) as down and backs off long before trying again', async () => {
    const { server, open } = await setup({ limitBackoffMs: 600 });
    const first = await open();
    await waitFor(() => first.state() === 'live', 'the first connection live');
    const second = await open();
    await waitFor(() => second.state() === 'down', 'the second refused');
    expect(second.statuses().at(-1)).toMatch(/^down: Another connection is using this Alpaca key's one iex data stream \(406 connection limit exceeded\); retrying in 1 s$/);

    // The wait after a 406 is at least half of 600 ms: no new connection in the next 200 ms.
    const connections = server.connections;
    await sleep(200);
    expect(server.connections).toBe(connections);
    expect(second.state()).toBe('down');

    await first.feed.stop();
    await waitFor(() => second.state() === 'live', 'the second live once the slot is free');
    expect(first.statuses().at(-1)).toBe('idle: Alpaca data stream stopped');
  });

  it('stops for good when Alpaca rejects the key (402)', async () => {
    const { server, open } = await setup({ secret: 'wrong' });
    const { statuses, state } = await open();
    await waitFor(() => state() === 'down', 'the rejection');
    expect(statuses().at(-1)).toBe('down: Alpaca rejected the API key (402 auth failed); not reconnecting');
    await sleep(150);
    expect(server.connections).toBe(1);
  });
});
