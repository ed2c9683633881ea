import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { systemScheduler } from '../../system-scheduler';
import { rawText } from './raw-text';
import { StreamSocket, type StreamSocketOptions } from './stream-socket';

/** A real socket server on 127.0.0.1 that does what each test tells it on every connection. */
async function server(options: { autoPong?: boolean; onConnection?: (ws: WebSocket) => void } = {}) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: options.autoPong ?? true });
  const received: string[] = [];
  wss.on('connection', (ws) => {
    ws.on('message', (data) => received.push(rawText(data)));
    options.onConnection?.(ws);
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  cleanups.push(() => new Promise<void>((resolve) => {
    for (const client of wss.clients) client.terminate();
    wss.close(() => resolve());
  }));
  return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, received, connections: () => wss.clients.size };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

function socket(url: string, options: Partial<StreamSocketOptions> = {}) {
  const texts: string[] = [];
  const closes: number[] = [];
  const stats = { frames: 0, connects: 0 };
  const stream: StreamSocket = new StreamSocket({
    url,
    scheduler: systemScheduler,
    peer: 'Peer',
    stats,
    onText: (text) => texts.push(text),
    onClose: (code) => {
      closes.push(code);
      return null;
    },
    ...options,
  });
  cleanups.push(() => stream.stop());
  return { stream, texts, closes, stats };
}

const waitFor = (condition: () => boolean) => expect.poll(condition, { timeout: 5_000, interval: 10 }).toBe(true);

describe('StreamSocket', () => {
  it('delivers text and binary frames as text, counts them, and sends JSON while open', async () => {
    const peer = await server({
      onConnection: (ws) => {
        ws.send('{"hello":1}');
        ws.send(Buffer.from('[{"binary":true}]'));
      },
    });
    const { stream, texts, stats } = socket(peer.url, { onOpen: () => stream.send({ action: 'auth', params: 'key' }) });
    stream.open();
    await waitFor(() => texts.length === 2 && peer.received.length === 1);
    expect(texts).toEqual(['{"hello":1}', '[{"binary":true}]']);
    expect(peer.received).toEqual(['{"action":"auth","params":"key"}']);
    expect(stats).toEqual({ frames: 2, connects: 1 });
  });

  it('drops a connection whose login does not complete in time, then reconnects after the wait its owner chose', async () => {
    const peer = await server();
    let attempts = 0;
    const { stream, closes, stats } = socket(peer.url, {
      handshakeTimeoutMs: 100,
      onConnecting: () => {
        attempts += 1;
      },
      onClose: (code) => {
        closes.push(code);
        return closes.length === 1 ? 20 : null;
      },
    });
    stream.open();
    await waitFor(() => closes.length === 2);
    expect(attempts).toBe(2);
    expect(stats.connects).toBe(2);
    expect(closes).toEqual([1006, 1006]);
    expect(stream.lastError).toBe('Peer did not complete the login in time');
    expect(stream.connected).toBe(false);
  });

  it('keeps a connection that logged in, and cuts off a peer that stops answering pings', async () => {
    const peer = await server({ autoPong: false });
    const { stream, closes } = socket(peer.url, { handshakeTimeoutMs: 100, pingIntervalMs: 150, onOpen: () => stream.loggedIn() });
    stream.open();
    await waitFor(() => closes.length === 1);
    expect(stream.lastError).toBe('Peer stopped answering pings');
  });

  it('answers pongs and stays up; after stop nothing reconnects', async () => {
    const peer = await server();
    let connecting = 0;
    const { stream, closes } = socket(peer.url, {
      handshakeTimeoutMs: 100,
      pingIntervalMs: 30,
      onConnecting: () => {
        connecting += 1;
      },
      onOpen: () => stream.loggedIn(),
      onClose: (code) => {
        closes.push(code);
        return 10;
      },
    });
    stream.open();
    await waitFor(() => peer.connections() === 1);
    await new Promise((resolve) => setTimeout(resolve, 300)); // ten pings, all answered
    expect(closes).toEqual([]);
    await stream.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closes).toEqual([]);
    expect(connecting).toBe(1);
    expect(stream.connected).toBe(false);
  });
});
