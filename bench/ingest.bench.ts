// Ingest throughput: trade messages per second from a local websocket, (a) through a bare `ws`
// client doing only JSON.parse (the limit), (b) through PolygonFeed → parse → TradeAggregator
// (1m, 5m bars) → SQLite upserts of the finished bars, batched per 100 ms. Raw trades are not
// stored (there is no trade store; bars are what the engine keeps). The server runs in a worker
// thread so it does not share the measured thread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import type { Bar } from '../src/main/core/market-data/types';
import { TradeAggregator } from '../src/main/core/market-data/aggregation';
import { PolygonFeed } from '../src/main/node/adapters/polygon/ws-client';
import { openSqliteStore } from '../src/main/node/store/database';
import { migrateToLatest } from '../src/main/node/store/migrate';
import { SqliteBarStore } from '../src/main/node/store/sqlite-bar-store';
import { systemClock } from '../src/main/node/system-clock';
import { systemScheduler } from '../src/main/node/system-scheduler';
import type { Bench } from './bench-row';

const FRAMES = 20_000;
const PER_FRAME = 50;
const TRADES = FRAMES * PER_FRAME;
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'META', 'GOOG', 'TSLA', 'JPM', 'XOM', 'SPY'];

// Plain JS for the worker: a Polygon-like socket that, once subscribed, sends FRAMES frames of
// PER_FRAME `T` trades as fast as the client reads them.
const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { WebSocketServer } = require(workerData.wsPath);
const { FRAMES, PER_FRAME, SYMBOLS } = workerData;
const start = Date.UTC(2026, 0, 5, 14, 30);
const frames = [];
let n = 0;
for (let f = 0; f < FRAMES; f += 1) {
  const batch = [];
  for (let k = 0; k < PER_FRAME; k += 1, n += 1) {
    const sym = SYMBOLS[n % SYMBOLS.length];
    const trade = { ev: 'T', sym, x: 4, i: String(n), z: 3, p: Math.round((100 + Math.sin(n / 5000) * 5) * 100) / 100, s: 1 + (n % 300), t: start + n * 10, q: n };
    if (n % 5 === 0) trade.c = [12, 37];
    batch.push(trade);
  }
  frames.push(JSON.stringify(batch));
}
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => parentPort.postMessage(wss.address().port));
wss.on('connection', (ws) => {
  ws.send('[{"ev":"status","status":"connected","message":"Connected Successfully"}]');
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.action === 'auth') return ws.send('[{"ev":"status","status":"auth_success","message":"authenticated"}]');
    if (msg.action !== 'subscribe') return;
    ws.send(JSON.stringify(msg.params.split(',').map((p) => ({ ev: 'status', status: 'success', message: 'subscribed to: ' + p }))));
    let i = 0;
    const pump = () => {
      while (i < frames.length && ws.bufferedAmount < 4 * 1024 * 1024) ws.send(frames[i++]);
      if (i < frames.length) setImmediate(pump);
    };
    pump();
  });
});
`;

async function startServer(): Promise<{ port: number; stop(): Promise<number> }> {
  const worker = new Worker(SERVER, { eval: true, workerData: { wsPath: require.resolve('ws'), FRAMES, PER_FRAME, SYMBOLS } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (value: number) => resolve(value));
    worker.once('error', reject);
  });
  return { port, stop: () => worker.terminate() };
}

/** (a) The limit: a bare client parsing each frame and counting its trades. */
async function bareClient(port: number): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/stocks`);
  let seen = 0;
  let t0 = 0;
  return new Promise((resolve) => {
    ws.on('message', (data: Buffer) => {
      const batch = JSON.parse(data.toString()) as { ev: string; status?: string }[];
      const first = batch[0];
      if (first?.ev === 'status') {
        if (first.status === 'connected') ws.send('{"action":"auth","params":"bench"}');
        if (first.status === 'auth_success') {
          t0 = performance.now();
          ws.send(JSON.stringify({ action: 'subscribe', params: SYMBOLS.map((s) => `T.${s}`).join(',') }));
        }
        return;
      }
      seen += batch.length;
      if (seen >= TRADES) {
        const seconds = (performance.now() - t0) / 1000;
        ws.close();
        resolve(TRADES / seconds);
      }
    });
  });
}

/** (b) The engine's path: feed → parse → aggregation → SQLite (finished bars, batched). */
async function feedPipeline(port: number): Promise<{ rate: number; bars: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kestrel-ingest-'));
  const sqlite = openSqliteStore(join(dir, 'kestrel.db'));
  await migrateToLatest(sqlite.db);
  const store = new SqliteBarStore(sqlite.sqlite);
  const finished: { symbol: string; tf: '1m' | '5m'; bar: Bar }[] = [];
  let written = 0;
  const flush = () => {
    if (finished.length === 0) return;
    const batch = finished.splice(0);
    store.transaction(() => {
      for (const item of batch) written += store.upsertBars(item.symbol, item.tf, [item.bar]);
    });
  };
  const aggregator = new TradeAggregator({
    timeframes: ['1m', '5m'],
    onBar: (symbol, tf, bar, final) => {
      if (final && (tf === '1m' || tf === '5m')) finished.push({ symbol, tf, bar });
    },
  });
  const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
  const feed = new PolygonFeed({
    config: { restUrl: 'http://127.0.0.1:1', stocksWsUrl: `ws://127.0.0.1:${port}/stocks`, cryptoWsUrl: `ws://127.0.0.1:${port}/crypto` },
    apiKey: 'bench',
    clock: systemClock,
    scheduler: systemScheduler,
    logger: silent,
    channels: ['trade'],
  });
  const timer = setInterval(flush, 100);
  let seen = 0;
  let t0 = 0;
  const done = new Promise<number>((resolve) => {
    feed.onEvent((event) => {
      if (event.type === 'trade') {
        aggregator.add(event.trade);
        seen += 1;
        if (seen === TRADES) {
          aggregator.flushAll();
          flush();
          resolve(TRADES / ((performance.now() - t0) / 1000));
        }
      } else if (event.type === 'status' && event.state === 'connecting' && t0 === 0) {
        t0 = performance.now();
      }
    });
  });
  await feed.start();
  feed.subscribe(SYMBOLS);
  const rate = await done;
  clearInterval(timer);
  await feed.stop();
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  return { rate, bars: written };
}

export const ingestBench: Bench = async () => {
  const server = await startServer();
  try {
    let limit = 0;
    let ingest = 0;
    let bars = 0;
    for (let round = 0; round < 3; round += 1) {
      limit = Math.max(limit, await bareClient(server.port));
      const result = await feedPipeline(server.port);
      ingest = Math.max(ingest, result.rate);
      bars = result.bars;
    }
    const ratio = ingest / limit;
    const fmt = (v: number) => `${Math.round(v).toLocaleString('en-US')} trades/s`;
    return [
      { name: `ingest limit: bare ws + JSON.parse (${FRAMES} frames × ${PER_FRAME})`, value: fmt(limit) },
      { name: 'ingest: PolygonFeed → aggregator → SQLite', value: `${fmt(ingest)}, ${bars} bars written`, target: '≥ 50% of the limit', met: ratio >= 0.5 },
      { name: 'ingest / limit', value: `${(ratio * 100).toFixed(1)}%`, target: '≥ 50%', met: ratio >= 0.5 },
    ];
  } finally {
    await server.stop();
  }
};
