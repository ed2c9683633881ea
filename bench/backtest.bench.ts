// Backtest throughput: SMA crossover (fast 10, slow 30) over 1,000,000 one-minute bars of a
// seeded random walk (mulberry32, Gaussian steps of 0.05 % on a 100.00 start, prices on the
// cent, around the clock from 2024-01-02), single thread, through runBacktest with the real
// US-equity trading calendar; against the same computation as a plain Float64Array loop (the
// practical limit), whose trade count must be equal. Median of 3 runs after one warm-up run.
import { performance } from 'node:perf_hooks';
import { Decimal, money } from '@shared/money/decimal';
import { runBacktest } from '../src/main/core/backtest/engine';
import type { BarColumns } from '../src/main/core/market-data/types';
import { tradingDayOf } from '../src/main/core/market-data/calendar/us-equity-calendar';
import { buyAndHold } from '../src/main/core/strategy/builtin/buy-and-hold';
import { smaCrossover } from '../src/main/core/strategy/builtin/sma-crossover';
import type { StrategyDefinition } from '../src/main/core/strategy/strategy-api';
import type { Bench, BenchRow } from './bench-row';
import { mulberry32 } from '../src/main/core/ports/random';

const BARS = 1_000_000;
const FAST = 10;
const SLOW = 30;
const START = Date.UTC(2024, 0, 2);

export function randomWalk(n: number, seed: number): BarColumns {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const bars: BarColumns = { length: n, time: new Float64Array(n), open: new Float64Array(n), high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n) };
  let price = 100;
  for (let i = 0; i < n; i += 1) {
    const open = price;
    const close = Math.max(0.01, Math.round(open * (1 + 0.0005 * gauss()) * 100) / 100);
    bars.time[i] = START + i * 60_000;
    bars.open[i] = open;
    bars.close[i] = close;
    bars.high[i] = Math.max(open, close) + 0.01 * Math.floor(3 * random());
    bars.low[i] = Math.max(0.01, Math.min(open, close) - 0.01 * Math.floor(3 * random()));
    bars.volume[i] = 20_000 + Math.floor(80_000 * random()); // above any order here: the paper rule caps a fill at the bar volume
    price = close;
  }
  return bars;
}

/** The same strategy as a bare loop: running-sum SMAs (SmaStream's arithmetic), sign changes, all-in at the next open. */
function plainLoop(bars: BarColumns): number {
  const { close, open } = bars;
  const fastRing = new Float64Array(FAST);
  const slowRing = new Float64Array(SLOW);
  let fastSum = 0;
  let slowSum = 0;
  let lastSign = 0;
  let cash = 100_000;
  let shares = 0;
  let pending = 0; // +n buy n, -1 sell all
  let trades = 0;
  for (let i = 0; i < bars.length; i += 1) {
    if (pending > 0) {
      cash -= pending * open[i]!;
      shares = pending;
    } else if (pending < 0) {
      cash += shares * open[i]!;
      shares = 0;
      trades += 1;
    }
    pending = 0;
    const c = close[i]!;
    fastSum += c;
    slowSum += c;
    const fast = i >= FAST - 1 ? fastSum / FAST : Number.NaN;
    const slow = i >= SLOW - 1 ? slowSum / SLOW : Number.NaN;
    fastRing[i % FAST] = c;
    slowRing[i % SLOW] = c;
    if (i >= FAST - 1) fastSum -= fastRing[(i + 1) % FAST]!;
    if (i >= SLOW - 1) slowSum -= slowRing[(i + 1) % SLOW]!;
    const diff = fast - slow;
    const sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
    if (sign === 0 || sign === lastSign) continue;
    const crossed = lastSign !== 0;
    lastSign = sign;
    if (!crossed) continue;
    if (sign > 0 && shares === 0) pending = Math.floor(cash / c);
    else if (sign < 0 && shares > 0) pending = -1;
  }
  return trades;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The benchmark's run: SMA(10/30) on `bars`, no costs, the real calendar. */
export function smaBenchInput(bars: BarColumns) {
  return {
    definition: smaCrossover as StrategyDefinition,
    params: { fast: FAST, slow: SLOW },
    series: [{ symbol: 'SIM', bars }],
    timeframe: '1m' as const,
    from: null,
    initialCash: money('100000'),
    slippage: { model: 'none' as const },
    commission: { model: 'none' as const },
    instrument: (symbol: string) => ({ symbol, tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' as const, alwaysOpen: true }),
    benchmark: 'SIM',
    tradingDayOf,
  };
}

export const backtestBench: Bench = () => {
  const bars = randomWalk(BARS, 20_240_102);
  const input = smaBenchInput(bars);
  runBacktest(input);
  const times: number[] = [];
  let trades = 0;
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    const out = runBacktest(input);
    times.push(performance.now() - t0);
    trades = out.metrics.tradeCount;
  }
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  // The per-bar path alone: the same bars, indicators and strategy calls, one order in all.
  const holdTimes: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    runBacktest({ ...input, definition: buyAndHold, params: {} });
    holdTimes.push(performance.now() - t0);
  }
  plainLoop(bars);
  const plainTimes: number[] = [];
  let plainTrades = 0;
  for (let run = 0; run < 3; run += 1) {
    const t0 = performance.now();
    plainTrades = plainLoop(bars);
    plainTimes.push(performance.now() - t0);
  }
  if (plainTrades !== trades) throw new Error(`Trade counts differ: engine ${trades}, plain loop ${plainTrades}`);
  const rate = BARS / (median(times) / 1000);
  const plainRate = BARS / (median(plainTimes) / 1000);
  const holdRate = BARS / (median(holdTimes) / 1000);
  const perOrderUs = ((median(times) - median(holdTimes)) * 1000) / (2 * trades);
  const rows: BenchRow[] = [
    { name: `SMA(${FAST}/${SLOW}) crossover, 1M 1m bars, runBacktest`, value: `${(rate / 1e6).toFixed(2)} M bars/s (${median(times).toFixed(0)} ms)`, target: '≥ 5 M bars/s', met: rate >= 5e6 },
    { name: 'round trips (engine = plain loop)', value: `${trades}` },
    { name: 'per-bar path: buy-and-hold, same bars (1 order)', value: `${(holdRate / 1e6).toFixed(2)} M bars/s (${median(holdTimes).toFixed(0)} ms)` },
    { name: 'cost per order, submit → risk → fill → trip', value: `${perOrderUs.toFixed(0)} µs` },
    { name: 'same strategy, plain Float64Array loop', value: `${(plainRate / 1e6).toFixed(1)} M bars/s (${median(plainTimes).toFixed(1)} ms)` },
    { name: 'heap used after the runs', value: `${heapMb.toFixed(0)} MB`, target: '< 300 MB', met: heapMb < 300 },
  ];
  return Promise.resolve(rows);
};
