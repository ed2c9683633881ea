// One thread of the workload ceiling (sweep.bench.ts): the SMA benchmark run on 1M bars,
// warmed up, then `workerData` runs timed; posts the milliseconds they took.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runBacktest } from '../src/main/core/backtest/engine';
import { randomWalk, smaBenchInput } from './backtest.bench';

const input = smaBenchInput(randomWalk(1_000_000, 20_240_102));
for (let i = 0; i < 3; i += 1) runBacktest(input);
const started = performance.now();
for (let i = 0; i < (workerData as number); i += 1) runBacktest(input);
parentPort?.postMessage(performance.now() - started);
