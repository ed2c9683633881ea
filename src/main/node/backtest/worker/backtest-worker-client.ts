import { Worker } from 'node:worker_threads';
import type { BacktestMetrics } from '@shared/dto/backtest';
import type { ErrorCode } from '@shared/contract/errors';
import { DomainError } from '../../../core/api/domain-error';
import type { BacktestOutput } from '../../../core/backtest/backtest-input';
import type { WorkerEntry } from './worker-entry';
import type { RunJob, WorkerInit, WorkerMessage } from './worker-protocol';

export interface JobResult {
  metrics: BacktestMetrics;
  output: BacktestOutput | null;
}

/** Thrown when a worker was terminated (a canceled sweep, the engine stopping). */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
}

interface Pending {
  resolve(result: JobResult): void;
  reject(error: Error): void;
}

/**
 * One worker thread with its bars loaded: runs jobs one at a time. A job that throws in the
 * strategy rejects with its message; a worker that dies rejects everything still pending.
 */
export class BacktestWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private stopped: Error | null = null;
  /** Resolves when the thread has exited, for whatever reason. */
  readonly closed: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.closed = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error));
    worker.once('exit', (code) => this.fail(new WorkerStoppedError(`The backtest worker exited (code ${code})`)));
  }

  /** Starts a worker and sends it the bars; resolves once it has loaded the strategy. */
  static start(entry: WorkerEntry, init: WorkerInit, transfer: readonly ArrayBuffer[], track: (client: BacktestWorkerClient) => void): Promise<BacktestWorkerClient> {
    const worker = new Worker(entry.script, entry.options);
    const client = new BacktestWorkerClient(worker);
    track(client);
    return new Promise((resolve, reject) => {
      const onReady = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          worker.off('message', onReady);
          resolve(client);
        } else if (message.type === 'init-failed') {
          worker.off('message', onReady);
          reject(toError(message.error, message.code));
          void client.terminate();
        }
      };
      worker.on('message', onReady);
      client.closed.then(() => reject(client.stopped ?? new WorkerStoppedError('The backtest worker exited while starting')), reject);
      worker.postMessage(init, [...transfer]);
    });
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
