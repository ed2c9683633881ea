// One thread of the workload ceiling (sweep.bench.ts): the SMA benchmark on 1M bars as a
// sweep's point runs it (metrics only, buffers reused), warmed up, then `workerData` runs
// timed; posts the milliseconds they took.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runBacktestSummary } from '../src/main/core/backtest/engine';
import { RunScratch } from '../src/main/core/backtest/run-scratch';
import { randomWalk, smaBenchInput } from './backtest.bench';

const input = smaBenchInput(randomWalk(1_000_000, 20_240_102));
const scratch = new RunScratch();
for (let i = 0; i < 3; i += 1) runBacktestSummary(input, scratch);
const started = performance.now();
for (let i = 0; i < (workerData as number); i += 1) runBacktestSummary(input, scratch);
parentPort?.postMessage(performance.now() - started);
