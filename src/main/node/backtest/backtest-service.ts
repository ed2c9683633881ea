import { performance } from 'node:perf_hooks';
import type { BacktestRequest, BacktestResult, SweepProgress, SweepRequest, SweepResult } from '@shared/dto/backtest';
import { DomainError } from '../../core/api/domain-error';
import { equityArrays } from '../../core/backtest/equity-columns';
import type { BarStore, InstrumentStore } from '../../core/ports/bar-store';
import type { SqliteBacktestRepository } from '../store/sqlite-backtest-repository';
import { loadSeries, runSetup, transferables } from './load-series';
import { SeriesCache } from './series-cache';
import { gridPoints, isRankableMetric, rankableMetrics, randomPoints, SweepPlanError, walkForwardWindows } from './sweep-planner';
import { SweepRun, type WindowTimes } from './sweep-run';
import { strategyParams, sweepParams, type StrategyCatalog } from './strategy-catalog';
import type { WorkerEntry } from './worker/worker-entry';
import type { SeriesData, WorkerInit } from './worker/worker-protocol';
import type { BacktestWorkerClient } from './worker/backtest-worker-client';
import { WorkerPool } from './worker/worker-pool';

/** Finished sweeps kept for `backtest.sweep.get` (running ones are always kept). */
const KEPT_SWEEPS = 20;
/** Points a random search tries when the request does not say. */
const DEFAULT_SAMPLES = 100;

export interface BacktestServiceOptions {
  dataDir: string;
  bars: BarStore & InstrumentStore;
  repository: SqliteBacktestRepository;
  catalog: StrategyCatalog;
  /** Where the worker script is; asked on first use, so a broken build fails a backtest, not the engine's start. */
  workerEntry: () => WorkerEntry;
  /** Workers per sweep when the request does not say. */
  defaultWorkers: number;
  /** How long idle worker threads are kept warm. */
  idleWorkerMs?: number;
  now(): number;
  newId(kind: 'bt' | 'sw'): string;
  publish(progress: SweepProgress): void;
}

/** Runs backtests and sweeps in worker threads; the engine's own thread only loads bars and saves results. */
export class BacktestService {
  private readonly sweeps = new Map<string, SweepRun>();
  private readonly cache = new SeriesCache();
  private readonly pool: WorkerPool;
  private entry: WorkerEntry | null = null;

  constructor(private readonly options: BacktestServiceOptions) {
    this.pool = new WorkerPool(() => this.workerEntry(), options.idleWorkerMs);
  }

  private workerEntry(): WorkerEntry {
    this.entry ??= this.options.workerEntry();
    return this.entry;
  }

  async run(request: BacktestRequest): Promise<BacktestResult> {
    const started = performance.now();
    const { ref, definition } = await this.options.catalog.resolve(request.strategy);
    const params = strategyParams(definition, request.params);
    if (ref.source === 'builtin') this.pool.prestart(1); // boots while the bars are read
    const { series } = await loadSeries(this.options.bars, request, definition.warmup(params));
    const [worker] = (await this.pool.acquire(1, this.init(ref, request, series), transferables(series))) as [BacktestWorkerClient];
    try {
      const { output } = await worker.run({ jobId: 0, params, from: request.from ?? null, to: null, detail: 'full' });
      if (!output) throw new Error('The backtest worker sent no output');
      const result: BacktestResult = {
        ...output,
        equity: equityArrays(output.equity),
        id: this.options.newId('bt'),
        request: { ...request, params },
        createdAt: this.options.now(),
        durationMs: performance.now() - started,
      };
      this.options.repository.save(result);
      return result;
    } finally {
      await this.pool.release(worker);
    }
  }

  async startSweep(request: SweepRequest): Promise<{ sweepId: string }> {
    const { base } = request;
    const { ref, definition } = await this.options.catalog.resolve(base.strategy);
    const points = sweepParams(definition, strategyParams(definition, base.params), planPoints(request), request.grid);
    const warmup = Math.max(...points.map((params) => definition.warmup(params)));
    const key = JSON.stringify([base.symbols, base.timeframe, base.from ?? null, base.to ?? null, warmup]);
    const wanted = request.workers ?? this.options.defaultWorkers;
    if (ref.source === 'builtin') this.pool.prestart(request.walkForward ? wanted : Math.min(wanted, points.length)); // boot while the bars are read
    // Shared, read-only buffers: safe to hand to the next sweep's workers as well.
    const loaded = await this.cache.get(key, this.options.bars.dataVersion?.(base.symbols, base.timeframe) ?? null, () => loadSeries(this.options.bars, base, warmup, 'shared'));
    const walkForward = request.walkForward ? { windows: windowTimes(loaded.series[0], loaded.warmupBars, request.walkForward), metric: request.walkForward.metric } : null;
    const shared = loaded.series;
    const jobs = walkForward ? walkForward.windows.length * (points.length + 1) : points.length;
    const workers = Math.max(1, Math.min(wanted, jobs));
    const init = this.init(ref, base, shared);
    const sweepId = this.options.newId('sw');
    const run = new SweepRun({
      sweepId,
      points,
      range: { from: base.from ?? null, to: null },
      walkForward,
      startWorkers: () => this.pool.acquire(workers, init),
      endWorkers: async (clients, finished) => {
        await Promise.all(clients.map((client) => (finished ? this.pool.release(client) : this.pool.discard(client))));
      },
      now: () => this.options.now(),
      publish: (progress) => this.options.publish(progress),
    });
    this.sweeps.set(sweepId, run);
    void run.finished.then(() => this.forgetOldSweeps());
    return { sweepId };
  }

  cancelSweep(sweepId: string): Promise<SweepProgress> {
    return this.sweep(sweepId).cancel();
  }

  getSweep(sweepId: string): SweepResult {
    return this.sweep(sweepId).result();
  }

  /** Worker threads at work, and the idle warm ones' ids (tests and diagnostics). */
  workers(): { busy: number; idle: number[] } {
    return this.pool.snapshot();
  }

  /** Stops the idle warm threads (the next backtest or sweep starts cold). */
  retireIdleWorkers(): Promise<void> {
    return this.pool.retireIdle();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.sweeps.values()].map((run) => run.cancel()));
    await this.pool.stop();
  }

  private sweep(sweepId: string): SweepRun {
    const run = this.sweeps.get(sweepId);
    if (!run) throw new DomainError('NOT_FOUND', `No sweep ${sweepId} (finished sweeps are kept until the engine stops, the last ${KEPT_SWEEPS})`);
    return run;
  }

  private init(strategy: WorkerInit['strategy'], request: BacktestRequest, series: SeriesData[]): WorkerInit {
    return { type: 'init', strategy, dataDir: this.options.dataDir, setup: runSetup(request, this.options.bars), series };
  }

  private forgetOldSweeps(): void {
    const finished = [...this.sweeps].filter(([, run]) => run.progress().state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_SWEEPS))) this.sweeps.delete(id);
  }
}

function planPoints(request: SweepRequest): ReturnType<typeof gridPoints> {
  try {
    if (request.mode === 'random') return randomPoints(request.grid, request.samples ?? DEFAULT_SAMPLES, request.seed ?? 1);
    return gridPoints(request.grid);
  } catch (error) {
    if (error instanceof SweepPlanError) throw new DomainError('INVALID_PARAMS', error.message);
    throw error;
  }
}

/** Walk-forward windows over the tested bars of the first symbol (after its warm-up bars), as times. */
function windowTimes(first: SeriesData | undefined, warmupBars: number, spec: NonNullable<SweepRequest['walkForward']>): WindowTimes[] {
  if (!isRankableMetric(spec.metric)) throw new DomainError('INVALID_PARAMS', `Unknown metric "${spec.metric}"; use one of ${rankableMetrics().join(', ')}`);
  const times = first?.time ?? new Float64Array(0);
  const at = (index: number) => times[warmupBars + index] ?? Number.NaN;
  try {
    return walkForwardWindows(times.length - warmupBars, spec.inSampleBars, spec.outOfSampleBars).map((window) => ({
      index: window.index,
      inSample: { from: at(window.inSample.first), to: at(window.inSample.last) },
      outOfSample: { from: at(window.outOfSample.first), to: at(window.outOfSample.last) },
    }));
  } catch (error) {
    if (error instanceof SweepPlanError) throw new DomainError('INVALID_PARAMS', error.message);
    throw error;
  }
}
