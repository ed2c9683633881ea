import { parseArgs } from 'node:util';
import type { SweepProgress, SweepResult, SweepRow } from '@shared/dto/backtest';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { isRankableMetric, metricScore, rankableMetrics } from '../../backtest/sweep-planner';
import { CliError } from '../cli-error';
import { withEngine, type EngineAccess } from '../engine-access';
import { formatSweepRows } from '../format/backtest-tables';
import type { CliIo } from '../io';
import { BACKTEST_FLAG_NAMES, BACKTEST_FLAGS_HELP, BACKTEST_OPTIONS, backtestRequest, FILL_CONVENTION_HELP, parseGrid } from './backtest-args';
import { EXIT_USAGE, parseUsage, validParams } from './trading-args';

export const SWEEP_HELP = `kestrel sweep --strategy ID --symbol S [--timeframe TF] --grid NAME=V1,V2,… [--grid …]
      [--random N [--seed S]] [--walk-forward IN,OUT] [--metric M] [--workers N]
      [--from …] [--to …] [--param …] [--data FILE.csv] [--cash N] [--data-dir DIR] [--json]
  Run the strategy once per point of the parameter grid, spread over worker threads, and
  print the results sorted by a metric (best first). Progress goes to stderr.
${BACKTEST_FLAGS_HELP}
  --grid NAME=V1,V2,…  values of one parameter (repeat per parameter; FROM:TO:STEP for a
                       numeric range); the grid is their product, at most 10,000 points;
                       points the strategy refuses (e.g. fast ≥ slow) are skipped
  --random N           try N points of the grid drawn at random (--seed S, default 1)
  --walk-forward IN,OUT  optimize on IN bars, test the best on the next OUT bars, roll on by
                       OUT; prints each window's in-sample winner and its out-of-sample result
  --metric M           sharpe (default), totalReturn, cagr, sortino, calmar, maxDrawdown, …
  --workers N          worker threads (default: one per core)
  --json               the sweep: id, progress and every row (params, metrics, sample, window)
${FILL_CONVENTION_HELP}
  Example: kestrel sweep --strategy sma-crossover --symbol SPY --grid fast=5,10,20 --grid slow=30,50
  Exit codes: 0 ok, 1 error (or the sweep failed or was stopped), 2 usage.`;

const SWEEP_OPTIONS = {
  ...BACKTEST_OPTIONS,
  grid: { type: 'string', multiple: true },
  random: { type: 'string' },
  seed: { type: 'string' },
  'walk-forward': { type: 'string' },
  metric: { type: 'string' },
  workers: { type: 'string' },
} as const;

const POLL_MS = 250;

export async function sweepCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values } = parseUsage(() => parseArgs({ args, options: SWEEP_OPTIONS, strict: true }));
  if (!values.grid || values.grid.length === 0) throw new CliError('--grid is required (e.g. --grid fast=5,10,20).', EXIT_USAGE);
  const metric = values.metric ?? 'sharpe';
  if (!isRankableMetric(metric)) throw new CliError(`--metric must be one of ${rankableMetrics().join(', ')} (got "${metric}").`, EXIT_USAGE);
  const json = values.json ?? false;
  const result = await withEngine(resolveDataDir(values['data-dir'], io.env), version, async (access) => {
    const base = await backtestRequest(values, access);
    const request = validParams(
      'backtest.sweep.start',
      {
        base,
        grid: Object.fromEntries(values.grid?.map(parseGrid) ?? []),
        ...(values.random === undefined ? {} : { mode: 'random', samples: wholeNumber(values.random, '--random') }),
        ...(values.seed === undefined ? {} : { seed: wholeNumber(values.seed, '--seed') }),
        ...(values['walk-forward'] === undefined ? {} : { walkForward: walkForward(values['walk-forward'], metric) }),
        ...(values.workers === undefined ? {} : { workers: wholeNumber(values.workers, '--workers') }),
      },
      { ...prefixed(BACKTEST_FLAG_NAMES), grid: '--grid', samples: '--random', seed: '--seed', workers: '--workers', walkForward: '--walk-forward' },
    );
    const { sweepId } = await access.client.call('backtest.sweep.start', request);
    return waitForSweep(access, sweepId, json ? null : io);
  });
  const rows = sortRows(result.rows, metric, values['walk-forward'] !== undefined);
  if (json) io.out(JSON.stringify({ ...result, rows }, null, 2));
  else io.out(describeSweep(result, rows, metric, values['walk-forward'] !== undefined));
  if (result.progress.state !== 'finished') throw new CliError(`The sweep ${result.progress.state}${result.progress.error ? `: ${result.progress.error}` : ''}.`);
  return 0;
}

/** Polls until the sweep is over (events only show progress); Ctrl-C cancels it. */
async function waitForSweep(access: EngineAccess, sweepId: string, io: CliIo | null): Promise<SweepResult> {
  const stopProgress = io ? access.client.subscribe('backtest.sweep.progress', (progress) => showProgress(io, sweepId, progress)) : () => {};
  let interrupted = false;
  void io?.untilStopped().then(() => {
    interrupted = true;
  });
  try {
    for (;;) {
      if (interrupted) await access.client.call('backtest.sweep.cancel', { sweepId });
      const result = await access.client.call('backtest.sweep.get', { sweepId });
      if (result.progress.state !== 'running') return result;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    stopProgress();
  }
}

function showProgress(io: CliIo, sweepId: string, progress: SweepProgress): void {
  if (progress.sweepId !== sweepId || progress.state !== 'running') return;
  const eta = progress.etaMs === null ? '' : `, about ${Math.ceil(progress.etaMs / 1000)} s left`;
  io.err(`  … ${progress.done}/${progress.total} runs${eta}`);
}

/** Best first by the metric; walk-forward rows stay in window order, in-sample before out. */
function sortRows(rows: readonly SweepRow[], metric: string, walkForward: boolean): SweepRow[] {
  const sample = { full: 0, in: 0, out: 1 };
  return [...rows].sort((a, b) => {
    if (walkForward && a.window !== b.window) return (a.window ?? 0) - (b.window ?? 0);
    if (walkForward && a.sample !== b.sample) return sample[a.sample] - sample[b.sample];
    return metricScore(b.metrics, metric) - metricScore(a.metrics, metric) || 0;
  });
}

function describeSweep(result: SweepResult, rows: readonly SweepRow[], metric: string, walkForward: boolean): string {
  const { done, total, state } = result.progress;
  const header = `Sweep ${result.sweepId}: ${done}/${total} runs, ${state}; sorted by ${metric}${walkForward ? ' within each window' : ''}.`;
  if (!walkForward) return [header, formatSweepRows(rows, false)].join('\n');
  // Per window: the in-sample winner (the first 'in' row after sorting) and its out-of-sample run.
  const shown = rows.filter((row, i) => row.sample === 'out' || (row.sample === 'in' && rows[i - 1]?.window !== row.window));
  return [header, formatSweepRows(shown, true)].join('\n');
}

function walkForward(text: string, metric: string): { inSampleBars: number; outOfSampleBars: number; metric: string } {
  const match = /^(\d+),(\d+)$/.exec(text);
  if (!match) throw new CliError(`--walk-forward expects IN,OUT bar counts, e.g. 250,50 (got "${text}").`, EXIT_USAGE);
  return { inSampleBars: Number(match[1]), outOfSampleBars: Number(match[2]), metric };
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`${flag} must be a whole number (got "${text}").`, EXIT_USAGE);
  return Number(text);
}

function prefixed(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([path, flag]) => [`base.${path}`, flag]));
}

