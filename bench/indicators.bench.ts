// Indicator throughput: each batch function against the npm package technicalindicators on
// the same 1,000,000 real daily bars (the 455,649 rows of the shared daily data set, all 118
// symbols end to end, repeated to 1M). Both sides are warmed up on 20k bars first; ours is the
// median of 5 runs, technicalindicators (seconds per call) a single run.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import * as ti from 'technicalindicators';
// The batch functions one by one: the index also brings in the handler, whose '@shared' alias
// tsx does not resolve (the root tsconfig has no paths).
import { atr } from '../src/main/core/indicators/atr';
import { bollinger } from '../src/main/core/indicators/bollinger';
import { ema } from '../src/main/core/indicators/ema';
import { macd } from '../src/main/core/indicators/macd';
import { obv } from '../src/main/core/indicators/obv';
import { rsi } from '../src/main/core/indicators/rsi';
import { sma } from '../src/main/core/indicators/sma';
import { stochastic } from '../src/main/core/indicators/stochastic';
import { vwap } from '../src/main/core/indicators/vwap';
import { wma } from '../src/main/core/indicators/wma';
import { sharedDataFile } from '../test/support/shared-data';
import type { Bench, BenchRow } from './bench-row';

const POINTS = 1_000_000;
const WARM_UP_POINTS = 20_000;

interface Columns<T> {
  high: T;
  low: T;
  close: T;
  volume: T;
}

function loadBars(): Columns<Float64Array> {
  const rows = gunzipSync(readFileSync(sharedDataFile('clean/daily_huge_stock_market_dataset.csv.gz')))
    .toString('utf8')
    .split('\n')
    .slice(1)
    .filter((row) => row.length > 0);
  const out = { high: new Float64Array(POINTS), low: new Float64Array(POINTS), close: new Float64Array(POINTS), volume: new Float64Array(POINTS) };
  for (let i = 0; i < POINTS; i += 1) {
    const [, , , high, low, close, volume] = rows[i % rows.length]!.split(',');
    out.high[i] = Number(high);
    out.low[i] = Number(low);
    out.close[i] = Number(close);
    out.volume[i] = Number(volume);
  }
  return out;
}

interface Case {
  name: string;
  ours: (bars: Columns<Float64Array>) => unknown;
  theirs: (bars: Columns<number[]>) => unknown;
  note?: string;
}

const cases: Case[] = [
  { name: 'sma(20)', ours: (b) => sma(b.close, 20), theirs: (b) => ti.SMA.calculate({ period: 20, values: b.close }) },
  { name: 'ema(20)', ours: (b) => ema(b.close, 20), theirs: (b) => ti.EMA.calculate({ period: 20, values: b.close }) },
  { name: 'wma(20)', ours: (b) => wma(b.close, 20), theirs: (b) => ti.WMA.calculate({ period: 20, values: b.close }) },
  { name: 'rsi(14)', ours: (b) => rsi(b.close, 14), theirs: (b) => ti.RSI.calculate({ period: 14, values: b.close }) },
  {
    name: 'macd(12,26,9)',
    ours: (b) => macd(b.close, 12, 26, 9),
    theirs: (b) =>
      ti.MACD.calculate({ values: b.close, fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false }),
  },
  {
    name: 'stochastic(14,3,3)',
    ours: (b) => stochastic(b.high, b.low, b.close, 14, 3, 3),
    theirs: (b) => ti.Stochastic.calculate({ period: 14, signalPeriod: 3, high: b.high, low: b.low, close: b.close }),
    note: 'theirs has no %K slowing, one SMA less',
  },
  { name: 'bollinger(20,2)', ours: (b) => bollinger(b.close, 20, 2), theirs: (b) => ti.BollingerBands.calculate({ period: 20, stdDev: 2, values: b.close }) },
  { name: 'atr(14)', ours: (b) => atr(b.high, b.low, b.close, 14), theirs: (b) => ti.ATR.calculate({ period: 14, high: b.high, low: b.low, close: b.close }) },
  { name: 'obv', ours: (b) => obv(b.close, b.volume), theirs: (b) => ti.OBV.calculate({ close: b.close, volume: b.volume }) },
  {
    name: 'vwap',
    ours: (b) => vwap(b.high, b.low, b.close, b.volume),
    theirs: (b) => ti.VWAP.calculate({ high: b.high, low: b.low, close: b.close, volume: b.volume }),
    note: 'one session, as theirs',
  },
];

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const slice = (bars: Columns<Float64Array>, n: number): Columns<Float64Array> => ({
  high: bars.high.subarray(0, n),
  low: bars.low.subarray(0, n),
  close: bars.close.subarray(0, n),
  volume: bars.volume.subarray(0, n),
});

const toArrays = (bars: Columns<Float64Array>): Columns<number[]> => ({
  high: Array.from(bars.high),
  low: Array.from(bars.low),
  close: Array.from(bars.close),
  volume: Array.from(bars.volume),
});

export const indicatorsBench: Bench = () => {
  const bars = loadBars();
  const arrays = toArrays(bars);
  const warmUp = slice(bars, WARM_UP_POINTS);
  const warmUpArrays = toArrays(warmUp);
  const rows: BenchRow[] = [];
  for (const c of cases) {
    c.ours(warmUp);
    c.theirs(warmUpArrays);
    const ours = median(Array.from({ length: 5 }, () => timeMs(() => c.ours(bars))));
    const theirs = timeMs(() => c.theirs(arrays));
    const ratio = theirs / ours;
    const note = c.note ? `; ${c.note}` : '';
    rows.push({
      name: `indicator ${c.name} 1M points`,
      value: `${ours.toFixed(1)} ms (${ratio.toFixed(0)}× technicalindicators ${theirs.toFixed(0)} ms${note})`,
      target: '≥ 3× technicalindicators',
      met: ratio >= 3,
    });
  }
  return Promise.resolve(rows);
};
