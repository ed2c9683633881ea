import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const STREAM_KEY = 'PKTESTKEY0123456789';
export const STREAM_SECRET = 'sEcReT-very-long-0123456789abcdef';

/** A trade update as Alpaca streams it, for order `a1` (client id `c1`). */
export const streamUpdate = (event: string, executionId: string, filled: string) => ({
  event,
  execution_id: executionId,
  price: '100.01',
  qty: '1',
  timestamp: '2024-03-15T14:00:01.123456789Z',
  order: { id: 'a1', client_order_id: 'c1', created_at: '2024-03-15T14:00:00Z', symbol: 'AAPL', filled_qty: filled, type: 'market', side: 'buy', time_in_force: 'day', status: 'partially_filled' },
});

/** Alpaca's trading stream protocol, answering in binary frames as the paper endpoint does. */
export class FakeTradeServer {
  readonly wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  readonly clients: WebSocket[] = [];
  readonly received: string[] = [];
  connections = 0;

  constructor() {
    this.wss.on('connection', (ws) => {
      this.connections += 1;
      this.clients.push(ws);
      ws.on('message', (data: Buffer) => this.onMessage(ws, data.toString('utf8')));
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/stream`;
  }

  send(frame: unknown, binary = true): void {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    for (const ws of this.clients) ws.send(binary ? Buffer.from(text, 'utf8') : text, { binary });
  }

  dropAll(): void {
    for (const ws of this.clients.splice(0)) ws.terminate();
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onMessage(ws: WebSocket, text: string): void {
    const message = JSON.parse(text) as { action: string; key?: string; secret?: string };
    this.received.push(message.action);
    if (message.action === 'auth') {
      const status = message.key === STREAM_KEY && message.secret === STREAM_SECRET ? 'authorized' : 'unauthorized';
      ws.send(Buffer.from(JSON.stringify({ stream: 'authorization', data: { status, action: 'authenticate' } })), { binary: true });
    } else if (message.action === 'listen') {
      ws.send(Buffer.from(JSON.stringify({ stream: 'listening', data: { streams: ['trade_updates'] } })), { binary: true });
    }
  }

  /** Starts listening on 127.0.0.1 on a free port. */
  static async start(): Promise<FakeTradeServer> {
    const server = new FakeTradeServer();
    await new Promise<void>((resolve) => server.wss.once('listening', () => resolve()));
    return server;
  }
}

/** Polls until `condition` holds (real sockets need real time), failing after `ms`. */
export async function until(condition: () => boolean, ms = 2_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
