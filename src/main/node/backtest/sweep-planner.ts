import type { BacktestMetrics, ParamValue, ParamValues } from '@shared/dto/backtest';
import { mulberry32 } from '../../core/ports/random';

/** The largest grid a sweep runs in full; a random search samples from grids up to MAX_SAMPLED_GRID. */
export const MAX_GRID = 10_000;
export const MAX_SAMPLED_GRID = 1_000_000_000;

export class SweepPlanError extends Error {
  override readonly name = 'SweepPlanError';
}

/** How many points the grid has: the product of its value lists. */
export function gridSize(grid: Readonly<Record<string, readonly ParamValue[]>>): number {
  return Object.values(grid).reduce((size, values) => size * values.length, 1);
}

/** Every point of the grid, the last parameter varying fastest. */
export function gridPoints(grid: Readonly<Record<string, readonly ParamValue[]>>): ParamValues[] {
  const size = gridSize(grid);
  if (size > MAX_GRID) throw new SweepPlanError(`The grid has ${size} points; at most ${MAX_GRID} run in one sweep (try --random N).`);
  return Array.from({ length: size }, (_, index) => gridPoint(grid, index));
}

/**
 * `samples` distinct points of the grid, drawn with a seeded generator so the same seed picks
 * the same points; the whole grid when it has no more points than that.
 */
export function randomPoints(grid: Readonly<Record<string, readonly ParamValue[]>>, samples: number, seed: number): ParamValues[] {
  const size = gridSize(grid);
  if (size > MAX_SAMPLED_GRID) throw new SweepPlanError(`The grid has ${size} points; a random search samples from at most ${MAX_SAMPLED_GRID}.`);
  if (samples >= size) return gridPoints(grid);
  const next = mulberry32(seed);
  const chosen = new Set<number>();
  const order: number[] = [];
  while (order.length < samples) {
    const index = Math.floor(next() * size);
    if (chosen.has(index)) continue;
    chosen.add(index);
    order.push(index);
  }
  return order.map((index) => gridPoint(grid, index));
}

/** The grid point at `index` in mixed radix (the last parameter is the fastest digit). */
function gridPoint(grid: Readonly<Record<string, readonly ParamValue[]>>, index: number): ParamValues {
  const entries = Object.entries(grid);
  const values: ParamValue[] = [];
  let rest = index;
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const options = entries[i]?.[1] ?? [];
    values[i] = options[rest % options.length] ?? 0;
    rest = Math.floor(rest / options.length);
  }
  return Object.fromEntries(entries.map(([name], i) => [name, values[i] ?? 0]));
}

/** One walk-forward step, as bar indices into the tested range (inclusive bounds). */
export interface WalkForwardWindow {
  index: number;
  inSample: { first: number; last: number };
  outOfSample: { first: number; last: number };
}

/**
 * Rolling windows over `bars` bars: optimize on `inSample` bars, test on the `outOfSample`
 * bars right after, then move on by `outOfSample` so the out-of-sample stretches tile the
 * data without overlap. The last out-of-sample stretch may be shorter.
 */
export function walkForwardWindows(bars: number, inSample: number, outOfSample: number): WalkForwardWindow[] {
  const windows: WalkForwardWindow[] = [];
  for (let start = 0; start + inSample < bars; start += outOfSample) {
    const outFirst = start + inSample;
    windows.push({
      index: windows.length,
      inSample: { first: start, last: outFirst - 1 },
      outOfSample: { first: outFirst, last: Math.min(outFirst + outOfSample, bars) - 1 },
    });
  }
  if (windows.length === 0) {
    throw new SweepPlanError(`Walk-forward needs more than ${inSample} bars (in-sample) plus out-of-sample bars; the range has ${bars}.`);
  }
  return windows;
}

type NumericMetric = { [K in keyof BacktestMetrics]: BacktestMetrics[K] extends number | null ? K : never }[keyof BacktestMetrics];

/** Metrics where less is better; for every other numeric metric more is better. */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['annualizedVolatility', 'maxDrawdownDurationMs']);

const NUMERIC_METRICS: readonly NumericMetric[] = [
  'startEquity',
  'endEquity',
  'totalReturn',
  'cagr',
  'annualizedVolatility',
  'sharpe',
  'sortino',
  'calmar',
  'maxDrawdown',
  'maxDrawdownDurationMs',
  'winRate',
  'profitFactor',
  'averageTrade',
  'tradeCount',
  'days',
  'exposure',
  'turnover',
  'benchmarkReturn',
];

export function isRankableMetric(name: string): name is NumericMetric {
  return (NUMERIC_METRICS as readonly string[]).includes(name);
}

export function rankableMetrics(): readonly string[] {
  return NUMERIC_METRICS;
}

/** A score where higher is better; a missing value ranks last. */
export function metricScore(metrics: BacktestMetrics, metric: string): number {
  if (!isRankableMetric(metric)) throw new SweepPlanError(`Unknown metric "${metric}"; use one of ${NUMERIC_METRICS.join(', ')}.`);
  const value = metrics[metric];
  if (value === null || !Number.isFinite(value)) return Number.NEGATIVE_INFINITY;
  return LOWER_IS_BETTER.has(metric) ? -value : value;
}

/** The index of the best entry by `metric`; ties keep the earliest. */
export function bestIndex(candidates: readonly { metrics: BacktestMetrics }[], metric: string): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((candidate, index) => {
    const score = metricScore(candidate.metrics, metric);
    if (best === -1 || score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
