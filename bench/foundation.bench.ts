// Foundation benchmarks against the real built engine: `npm run build && npm run bench`.
// Prints figures; asserts nothing (targets are read by people, not by the test suite).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'out/main/kestrel.js'))) {
  console.error('bench: run "npm run build" first');
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'kestrel-bench-'));
const t0 = performance.now();
const child = spawn(process.execPath, [join(root, 'bin/kestrel.cjs'), 'serve', '--port', '0', '--data-dir', dataDir], {
  env: { ...process.env, KESTREL_LOG_LEVEL: 'error' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((done, fail) => {
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    out += chunk;
    const match = /Kestrel ready at (\S+)/.exec(out);
    if (match) done(match[1]);
  });
  child.once('exit', (code) => fail(new Error(`serve exited ${code}`)));
});
const startMs = performance.now() - t0;

const page = new URL(url);
const ws = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token')}`);
await new Promise((done) => ws.once('open', done));
const waiting = new Map();
ws.on('message', (data) => {
  const message = JSON.parse(String(data));
  waiting.get(message.id)?.(message);
  waiting.delete(message.id);
});
let nextId = 1;
const call = (method, params) =>
  new Promise((done) => {
    const id = nextId++;
    waiting.set(id, done);
    ws.send(JSON.stringify({ kind: 'request', id, method, params }));
  });

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) };
}
async function timed(n, run) {
  const samples = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

for (let i = 0; i < 500; i += 1) await call('system.ping', {}); // warm-up
const ping = await timed(5000, () => call('system.ping', { echo: 'x' }));

const pipelinedN = 20000;
const pipeStart = performance.now();
const inflight = [];
for (let i = 0; i < pipelinedN; i += 1) {
  inflight.push(call('system.ping', {}));
  if (inflight.length >= 64) await inflight.shift();
}
await Promise.all(inflight);
const pipelinedPerSec = pipelinedN / ((performance.now() - pipeStart) / 1000);

const writes = await timed(300, (i) => call('settings.update', { confirmOrders: i % 2 === 0 }));
const invalid = await timed(2000, () => call('settings.update', { theme: 42 }));

const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
ws.close();
child.kill('SIGTERM');
await new Promise((done) => child.once('exit', done));
rmSync(dataDir, { recursive: true, force: true });

const ms = (v) => `${v.toFixed(3)} ms`;
const row = (name, s) => console.log(`${name.padEnd(38)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`);
console.log(`Kestrel foundation bench — node ${process.version}, ${process.platform}/${process.arch}`);
console.log(`${'serve start → ready line'.padEnd(38)} ${startMs.toFixed(0)} ms`);
row('ws round trip, system.ping (n=5000)', ping);
console.log(`${'ws pipelined ping, 64 in flight'.padEnd(38)} ${pipelinedPerSec.toFixed(0)} req/s`);
row('settings.update → SQLite FULL sync (n=300)', writes);
row('invalid params refused (n=2000)', invalid);
console.log(`${'engine RSS after the run'.padEnd(38)} ${(rssKb / 1024).toFixed(1)} MiB`);
