// The foundation's figures against the real built engine (kestrel serve in its own process):
// start-up (including five days of simulated history on a fresh data directory), WebSocket round trips,
// settings writes through SQLite (synchronous=FULL) and the engine's memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { Bench, BenchRow } from './bench-row';
import { latencyRow, stats } from './bench-util';
import { startServe } from '../test/e2e/support/serve-process';

interface Reply {
  id: number;
}

export const foundationBench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kestrel-bench-'));
  const t0 = performance.now();
  const engine = await startServe(dataDir);
  const startMs = performance.now() - t0;
  try {
    const url = engine.url;
    const page = new URL(url);
    const ws = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token') ?? ''}`);
    await new Promise((done) => ws.once('open', done));
    const waiting = new Map<number, () => void>();
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Reply;
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    });
    let nextId = 1;
    const call = (method: string, params: unknown) =>
      new Promise<void>((done) => {
        const id = nextId++;
        waiting.set(id, done);
        ws.send(JSON.stringify({ kind: 'request', id, method, params }));
      });
    const timed = async (n: number, run: (i: number) => Promise<void>) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const start = performance.now();
        await run(i);
        samples.push(performance.now() - start);
      }
      return stats(samples);
    };

    for (let i = 0; i < 500; i += 1) await call('system.ping', {});
    const ping = await timed(5000, () => call('system.ping', { echo: 'x' }));
    const pipelined = 20_000;
    const pipeStart = performance.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < pipelined; i += 1) {
      inflight.push(call('system.ping', {}));
      if (inflight.length >= 64) await inflight.shift();
    }
    await Promise.all(inflight);
    const perSecond = pipelined / ((performance.now() - pipeStart) / 1000);
    const writes = await timed(300, (i) => call('settings.update', { confirmOrders: i % 2 === 0 }));
    const refused = await timed(2000, () => call('settings.update', { theme: 42 }));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${engine.child.pid ?? 0}/status`, 'utf8'))?.[1] ?? Number.NaN);
    ws.close();
    const rows: BenchRow[] = [
      { name: 'serve start → ready line', value: `${startMs.toFixed(0)} ms` },
      latencyRow('ws round trip, system.ping (n=5000)', ping),
      { name: 'ws pipelined ping, 64 in flight', value: `${perSecond.toFixed(0)} req/s` },
      latencyRow('settings.update → SQLite FULL sync (n=300)', writes),
      latencyRow('invalid params refused (n=2000)', refused),
      { name: 'engine RSS after the run', value: `${(rss / 1024).toFixed(1)} MiB` },
    ];
    return rows;
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
