import { Worker } from 'node:worker_threads';
import type { BacktestMetrics } from '@shared/dto/backtest';
import type { ErrorCode } from '@shared/contract/errors';
import { DomainError } from '../../../core/api/domain-error';
import type { BacktestOutput } from '../../../core/backtest/backtest-input';
import type { WorkerEntry } from './worker-entry';
import type { HostMessage, RunJob, StrategyRef, WorkerInit, WorkerMessage } from './worker-protocol';

export interface JobResult {
  metrics: BacktestMetrics;
  output: BacktestOutput | null;
}

/** Thrown when a worker was terminated (a canceled sweep, the engine stopping). */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
}

/** Three 32 MB semi-spaces' worth (V8 sizes the young generation as 3 × the semi-space). */
export const YOUNG_GENERATION_MB = 96;

interface Pending {
  resolve(result: JobResult): void;
  reject(error: Error): void;
}

/**
 * One worker thread: loads a strategy and bars ('init'), then runs jobs one at a time. A job
 * that throws in the strategy rejects with its message; a worker that dies rejects everything
 * still pending. A thread can be loaded again (the pool reuses warm threads).
 */
export class BacktestWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private stopped: Error | null = null;
  private loadedStrategy: StrategyRef | null = null;
  /** Resolves when the thread has exited, for whatever reason. */
  readonly closed: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.closed = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error));
    worker.once('exit', (code) => this.fail(new WorkerStoppedError(`The backtest worker exited (code ${code})`)));
  }

  /**
   * Starts a thread (nothing loaded yet). Its young generation is larger than V8's default:
   * a run allocates tens of megabytes of short-lived objects, and scavenging them half as
   * often saves 5–10 % of a run (measured on 1M-bar runs).
   */
  static spawn(entry: WorkerEntry): BacktestWorkerClient {
    const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...entry.options.resourceLimits };
    return new BacktestWorkerClient(new Worker(entry.script, { ...entry.options, resourceLimits }));
  }

  /** The thread's id (diagnostics and tests). */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** False once the thread was stopped or died. */
  get alive(): boolean {
    return this.stopped === null;
  }

  /** What the thread last loaded (null: nothing, or it was reset). */
  get strategy(): StrategyRef | null {
    return this.loadedStrategy;
  }

  /** Sends the strategy and bars (replacing what it had); resolves once the thread has loaded the strategy. A failure stops the thread. */
  load(init: WorkerInit, transfer: readonly ArrayBuffer[] = []): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    const worker = this.worker;
    this.loadedStrategy = null;
    return new Promise((resolve, reject) => {
      const settle = () => {
        worker.off('message', onReady);
        worker.off('exit', onExit);
      };
      const onReady = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          settle();
          this.loadedStrategy = init.strategy;
          resolve();
        } else if (message.type === 'init-failed') {
          settle();
          reject(toError(message.error, message.code));
          void this.terminate();
        }
      };
      // After the client's own exit listener: `stopped` says why.
      const onExit = () => {
        settle();
        reject(this.stopped ?? new WorkerStoppedError('The backtest worker exited while loading'));
      };
      worker.on('message', onReady);
      worker.once('exit', onExit);
      worker.postMessage(init, [...transfer]);
    });
  }

  /** Drops the strategy and bars (an idle thread in the pool holds no bars). */
  reset(): void {
    this.loadedStrategy = null;
    if (!this.stopped) this.worker.postMessage({ type: 'reset' } satisfies HostMessage);
  }

  /** Whether the thread keeps the process alive (an idle pooled thread does not). */
  keepAlive(yes: boolean): void {
    if (yes) this.worker.ref();
    else this.worker.unref();
  }

  run(job: RunJob): Promise<JobResult> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.pending.set(job.jobId, { resolve, reject });
      this.worker.postMessage({ type: 'run', ...job });
    });
  }

  /** Stops the thread at once (mid-job if need be); resolves when it is gone. */
  async terminate(): Promise<void> {
    this.fail(new WorkerStoppedError('The backtest worker was stopped'));
    await this.worker.terminate();
    await this.closed;
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type !== 'done' && message.type !== 'failed') return;
    const pending = this.pending.get(message.jobId);
    if (!pending) return;
    this.pending.delete(message.jobId);
    if (message.type === 'done') pending.resolve({ metrics: message.metrics, output: message.output });
    else pending.reject(toError(message.error, message.code));
  }

  private fail(error: Error): void {
    this.stopped ??= error;
    for (const pending of this.pending.values()) pending.reject(this.stopped);
    this.pending.clear();
  }
}

const PASSED_CODES: ReadonlySet<string> = new Set<ErrorCode>(['NOT_FOUND', 'CONFLICT', 'INVALID_PARAMS', 'UNAVAILABLE']);

/** A worker's error as the host reports it: expected failures keep their code; a strategy's exception is a CONFLICT with its message. */
function toError(message: string, code: string | null): Error {
  if (code !== null && PASSED_CODES.has(code)) return new DomainError(code as Exclude<ErrorCode, 'INTERNAL'>, message);
  return new DomainError('CONFLICT', `The strategy failed: ${message}`);
}
