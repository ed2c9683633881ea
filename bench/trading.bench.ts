// Order-to-acknowledgement latency through the whole path, against the real built engine
// (kestrel serve in its own process, the simulator feeding the paper broker): client →
// WebSocket → contract validation → validation and risk → journal (SQLite, synchronous=FULL)
// → paper broker (accept and fill) → journal → reply. Then sustained orders/s, 16 in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { NO_RISK_LIMITS } from '@shared/dto/trading';
import type { Bench } from './bench-row';
import { latencyRow, stats } from './bench-util';
import { startServe } from '../test/e2e/support/serve-process';

interface Reply {
  id: number;
  ok?: boolean;
  result?: { status?: string; rejection?: { rule: string; message: string } | null; paper?: Record<string, unknown> };
  error?: { message: string };
}

export const tradingBench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kestrel-bench-trading-'));
  const engine = await startServe(dataDir);
  try {
    const page = new URL(engine.url);
    const ws = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token') ?? ''}`);
    await new Promise((done) => ws.once('open', done));
    const waiting = new Map<number, (reply: Reply) => void>();
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Reply;
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
    let nextId = 1;
    const call = (method: string, params: unknown) =>
      new Promise<Reply>((done) => {
        const id = nextId++;
        waiting.set(id, done);
        ws.send(JSON.stringify({ kind: 'request', id, method, params }));
      });
    // The same order again and again is what the duplicate guard is for: switch it off here,
    // and lift the size limits so the bench measures the path, not a refusal. A margin
    // account, because a cash account rightly waits a day for sale proceeds to settle.
    const settings = (await call('settings.get', {})).result;
    await call('settings.update', {
      paper: { ...settings?.paper, marginMultiplier: '2' },
      risk: NO_RISK_LIMITS,
    });
    // Wait for the simulator's first prices, so market orders fill at once.
    for (let i = 0; i < 100; i += 1) {
      const preview = await call('orders.preview', { symbol: 'SIM:SPY', side: 'buy', type: 'market', quantity: '1' });
      if ((preview.result as { estimatedPrice?: string | null } | undefined)?.estimatedPrice) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    let n = 0;
    const order = () => {
      n += 1;
      return call('orders.place', { symbol: 'SIM:SPY', side: n % 2 === 0 ? 'sell' : 'buy', type: 'market', quantity: '1', source: 'api' });
    };
    const check = (reply: Reply) => {
      const status = reply.result?.status;
      if (status !== 'filled') throw new Error(`order not filled: ${JSON.stringify(reply.result ?? reply.error)}`);
    };
    for (let i = 0; i < 200; i += 1) check(await order());
    const samples: number[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const start = performance.now();
      check(await order());
      samples.push(performance.now() - start);
    }
    const sustained = 5000;
    const begin = performance.now();
    const inflight: Promise<Reply>[] = [];
    for (let i = 0; i < sustained; i += 1) {
      inflight.push(order());
      if (inflight.length >= 16) check(await (inflight.shift() as Promise<Reply>));
    }
    for (const reply of await Promise.all(inflight)) check(reply);
    const perSecond = sustained / ((performance.now() - begin) / 1000);
    ws.close();
    return [
      latencyRow('market order → filled ack, full path (n=2000)', stats(samples)),
      { name: 'sustained orders, 16 in flight', value: `${perSecond.toFixed(0)} orders/s (each journaled twice + a fill)` },
    ];
  } finally {
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
