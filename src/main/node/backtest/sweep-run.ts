import type { BacktestMetrics, ParamValues, SweepProgress, SweepResult, SweepRow } from '@shared/dto/backtest';
import { JobQueue } from './job-queue';
import { bestIndex } from './sweep-planner';
import { WorkerStoppedError, type BacktestWorkerClient } from './worker/backtest-worker-client';
import type { RunJob } from './worker/worker-protocol';

/** Progress events at most this often (the last one always goes out). */
export const PROGRESS_INTERVAL_MS = 200;

/** A walk-forward window in bar times (inclusive). */
export interface WindowTimes {
  index: number;
  inSample: { from: number; to: number };
  outOfSample: { from: number; to: number };
}

export interface SweepRunOptions {
  sweepId: string;
  /** Full parameter sets, already validated. */
  points: readonly ParamValues[];
  /** The whole tested range (a plain sweep). */
  range: { from: number | null; to: number | null };
  /** Walk-forward: windows and the metric the in-sample winner is picked by. */
  walkForward: { windows: readonly WindowTimes[]; metric: string } | null;
  startWorkers(): Promise<BacktestWorkerClient[]>;
  /** Hands the workers back when the sweep ends: `finished` (they may be reused), or stopped mid-job (canceled or failed: they must not be). */
  endWorkers(workers: BacktestWorkerClient[], finished: boolean): Promise<void>;
  now(): number;
  publish(progress: SweepProgress): void;
}

interface Planned extends RunJob {
  /** Sort key of the row: plan order. */
  order: number;
  sample: SweepRow['sample'];
  window: number | null;
}

/**
 * One sweep: queues its jobs, lets every worker pull the next one when idle, collects rows,
 * and reports progress (throttled) until it finishes, fails or is canceled. Walk-forward
 * windows run their in-sample sweeps side by side; each window's out-of-sample run is queued
 * as soon as its in-sample results are in.
 */
export class SweepRun {
  readonly total: number;
  private readonly rows: { order: number; row: SweepRow }[] = [];
  private readonly queue: JobQueue<Planned>;
  private readonly windowResults = new Map<number, { metrics: BacktestMetrics }[]>();
  private readonly startedAt: number;
  private state: SweepProgress['state'] = 'running';
  private error: string | null = null;
  private lastPublished = Number.NEGATIVE_INFINITY;
  private workers: BacktestWorkerClient[] = [];
  private nextJobId = 0;
  readonly finished: Promise<void>;

  constructor(private readonly options: SweepRunOptions) {
    const { points, walkForward } = options;
    this.total = walkForward ? walkForward.windows.length * (points.length + 1) : points.length;
    this.queue = new JobQueue(this.total);
    this.startedAt = options.now();
    if (walkForward) {
      for (const window of walkForward.windows) {
        points.forEach((params, i) => this.queue.push(this.job(params, window.inSample, window.index * (points.length + 1) + i, 'in', window.index)));
      }
    } else {
      points.forEach((params, i) => this.queue.push(this.job(params, options.range, i, 'full', null)));
    }
    this.finished = this.execute();
  }

  progress(): SweepProgress {
    const done = this.rows.length;
    const elapsed = this.options.now() - this.startedAt;
    const etaMs = this.state === 'running' ? (done > 0 ? Math.round((elapsed / done) * (this.total - done)) : null) : this.state === 'finished' ? 0 : null;
    return { sweepId: this.options.sweepId, done, total: this.total, etaMs, state: this.state, error: this.error };
  }

  result(): SweepResult {
    const rows = [...this.rows].sort((a, b) => a.order - b.order).map(({ row }) => row);
    return { sweepId: this.options.sweepId, progress: this.progress(), rows };
  }

  /** Stops every worker now; the rows so far stay. */
  async cancel(): Promise<SweepProgress> {
    if (this.state === 'running') this.settle('canceled', null);
    await this.stopWorkers();
    // Workers still starting are stopped as soon as they are up.
    await this.finished;
    return this.progress();
  }

  private async execute(): Promise<void> {
    try {
      this.workers = await this.options.startWorkers();
      if (this.state !== 'running') return;
      await Promise.all(this.workers.map((worker) => this.drain(worker)));
      if (this.state === 'running') this.settle('finished', null);
    } catch (error) {
      if (this.state === 'running') this.settle('failed', error instanceof Error ? error.message : String(error));
    } finally {
      await this.stopWorkers();
    }
  }

  private async drain(worker: BacktestWorkerClient): Promise<void> {
    for (let job = await this.queue.next(); job !== null; job = await this.queue.next()) {
      try {
        const { metrics } = await worker.run(job);
        if (this.state !== 'running') return;
        this.record(job, metrics);
      } catch (error) {
        if (error instanceof WorkerStoppedError && this.state !== 'running') return;
        throw error;
      }
    }
  }

  private record(job: Planned, metrics: BacktestMetrics): void {
    this.rows.push({ order: job.order, row: { params: job.params, metrics, sample: job.sample, window: job.window } });
    const walkForward = this.options.walkForward;
    if (walkForward && job.sample === 'in' && job.window !== null) this.onInSample(job.window, job.order, metrics, walkForward);
    this.queue.complete();
    const now = this.options.now();
    if (now - this.lastPublished >= PROGRESS_INTERVAL_MS && this.state === 'running') {
      this.lastPublished = now;
      this.options.publish(this.progress());
    }
  }

  /** Collects a window's in-sample results; the last one queues the winner's out-of-sample run. */
  private onInSample(index: number, order: number, metrics: BacktestMetrics, walkForward: NonNullable<SweepRunOptions['walkForward']>): void {
    const { points } = this.options;
    const base = index * (points.length + 1);
    const results = this.windowResults.get(index) ?? new Array<{ metrics: BacktestMetrics }>(points.length);
    results[order - base] = { metrics };
    this.windowResults.set(index, results);
    if (results.filter(Boolean).length < points.length) return;
    const best = points[bestIndex(results, walkForward.metric)];
    const window = walkForward.windows[index];
    if (best && window) this.queue.push(this.job(best, window.outOfSample, base + points.length, 'out', index));
  }

  private job(params: ParamValues, range: { from: number | null; to: number | null }, order: number, sample: SweepRow['sample'], window: number | null): Planned {
    return { jobId: this.nextJobId++, params, from: range.from, to: range.to, detail: 'metrics', order, sample, window };
  }

  private settle(state: Exclude<SweepProgress['state'], 'running'>, error: string | null): void {
    this.state = state;
    this.error = error;
    this.queue.close();
    this.options.publish(this.progress());
  }

  private async stopWorkers(): Promise<void> {
    const workers = this.workers.splice(0);
    await this.options.endWorkers(workers, this.state === 'finished');
  }
}
