import type { BacktestRequestInput, StrategyInfo } from '@shared/dto/backtest';
import type { ParamsIn } from '@shared/contract/rpc';
import { isMetricKey, type MetricKey } from './metric-format';
import { MAX_GRID_RUNS, gridSize, parseSweepValues, suggestValues, sweepableParams } from './sweep-grid';

export type SweepStartRequest = ParamsIn<'backtest.sweep.start'>;

/** The sweep form as typed. An empty `yParam` sweeps one parameter. */
export interface SweepDraft {
  xParam: string;
  xValues: string;
  yParam: string;
  yValues: string;
  mode: 'grid' | 'random';
  samples: string;
  workers: string;
  walkForward: boolean;
  inSampleBars: string;
  outOfSampleBars: string;
  /** The metric walk-forward optimises in-sample, and the heat map colours by. */
  metric: MetricKey;
}

export type SweepField = Exclude<keyof SweepDraft, 'walkForward' | 'mode' | 'metric'> | 'grid';
export type SweepParse = { ok: true; request: SweepStartRequest; runs: number } | { ok: false; errors: Partial<Record<SweepField, string>> };

/** The first two numeric parameters with values around their defaults. */
export function sweepDraftFor(strategy: StrategyInfo | undefined): SweepDraft {
  const names = strategy ? sweepableParams(strategy.params) : [];
  const suggest = (name: string | undefined): string => {
    const spec = name === undefined ? undefined : strategy?.params[name];
    return spec && (spec.kind === 'int' || spec.kind === 'float') ? suggestValues(spec) : '';
  };
  return {
    xParam: names[0] ?? '',
    xValues: suggest(names[0]),
    yParam: names[1] ?? '',
    yValues: suggest(names[1]),
    mode: 'grid',
    samples: '20',
    workers: '2',
    walkForward: false,
    inSampleBars: '500',
    outOfSampleBars: '100',
    metric: 'sharpe',
  };
}

const WHOLE = /^\d+$/;

function whole(errors: Partial<Record<SweepField, string>>, field: SweepField, text: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (!WHOLE.test(text.trim()) || value < min || value > max) errors[field] = `A whole number from ${min} to ${max.toLocaleString('en-US')}`;
  return value;
}

function axis(strategy: StrategyInfo, name: string, text: string): { values: number[] } | { error: string } {
  const spec = strategy.params[name];
  if (!spec || (spec.kind !== 'int' && spec.kind !== 'float')) return { error: 'Pick a numeric parameter' };
  const parsed = parseSweepValues(text, spec);
  return parsed.ok ? { values: parsed.values } : { error: parsed.error };
}

/** The form as a `backtest.sweep.start` request over the run form's request, or messages. */
export function draftToSweep(draft: SweepDraft, base: BacktestRequestInput, strategy: StrategyInfo): SweepParse {
  const errors: Partial<Record<SweepField, string>> = {};
  const grid: Record<string, number[]> = {};
  const x = axis(strategy, draft.xParam, draft.xValues);
  if ('error' in x) errors.xValues = x.error;
  else grid[draft.xParam] = x.values;
  if (draft.yParam !== '') {
    if (draft.yParam === draft.xParam) errors.yParam = 'Pick another parameter';
    const y = axis(strategy, draft.yParam, draft.yValues);
    if ('error' in y) errors.yValues = y.error;
    else grid[draft.yParam] = y.values;
  }
  const size = gridSize(grid);
  if (size > MAX_GRID_RUNS) errors.grid = `${size.toLocaleString('en-US')} runs; at most ${MAX_GRID_RUNS.toLocaleString('en-US')}`;
  const samples = draft.mode === 'random' ? whole(errors, 'samples', draft.samples, 1, MAX_GRID_RUNS) : undefined;
  const workers = whole(errors, 'workers', draft.workers, 1, 16);
  const inSampleBars = draft.walkForward ? whole(errors, 'inSampleBars', draft.inSampleBars, 10, 10_000_000) : 0;
  const outOfSampleBars = draft.walkForward ? whole(errors, 'outOfSampleBars', draft.outOfSampleBars, 1, 10_000_000) : 0;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const request: SweepStartRequest = { base, grid, mode: draft.mode, workers };
  if (samples !== undefined) request.samples = samples;
  if (draft.walkForward && isMetricKey(draft.metric)) request.walkForward = { inSampleBars, outOfSampleBars, metric: draft.metric };
  return { ok: true, request, runs: samples === undefined ? size : Math.min(samples, size) };
}
