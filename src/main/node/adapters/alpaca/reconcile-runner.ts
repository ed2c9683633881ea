import type { BrokerState, ReconciliationDifference, ReconciliationReport } from '@shared/dto/broker';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import { fullJitterDelay, type BackoffPolicy } from '../backoff';

type Reason = ReconciliationReport['reason'];
type Health = { state: BrokerState; detail: string | null };

export interface ReconcileRunnerOptions {
  /** One comparison with Alpaca, already queued behind the stream's updates. */
  compare: (now: number) => Promise<ReconciliationDifference[]>;
  now: () => number;
  scheduler: Scheduler;
  random: RandomSource;
  backoff: BackoffPolicy;
  logger: Logger;
  onReconciliation?: (report: ReconciliationReport) => void;
  onState?: (state: BrokerState, detail: string | null) => void;
}

/**
 * When reconciliations run and what the header hears: one at start, one after every
 * (re)listen of the stream, one on request; a failed one is retried with backoff and shows
 * as degraded until one succeeds, over whatever the stream says meanwhile.
 */
export class ReconcileRunner {
  private listened = false;
  private broken = false;
  private health: Health = { state: 'connected', detail: null };
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;

  constructor(private readonly options: ReconcileRunnerOptions) {}

  async run(reason: Reason): Promise<ReconciliationReport> {
    const time = this.options.now();
    const differences = await this.options.compare(time);
    const report: ReconciliationReport = { time, broker: 'alpaca', reason, differences };
    this.attempt = 0;
    if (this.broken) {
      this.broken = false;
      this.options.onState?.(this.health.state, this.health.detail);
    }
    this.options.logger.info('Reconciled with Alpaca', { reason, differences: differences.length });
    this.options.onReconciliation?.(report);
    return report;
  }

  /** Runs without a caller to tell: a failure is logged, shown and retried. */
  inBackground(reason: Reason): void {
    void this.run(reason).catch((error: unknown) => this.failed(reason, error));
  }

  /** The stream listens (again): the first time still covers the gap since start-up. */
  streamReady(): void {
    this.inBackground(this.listened ? 'reconnect' : 'start');
    this.listened = true;
  }

  streamState(state: BrokerState, detail: string | null): void {
    this.health = { state, detail };
    if (!this.broken || state === 'down') this.options.onState?.(state, detail);
  }

  failed(reason: Reason, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.options.logger.error('Reconciliation with Alpaca failed; retrying', { reason, error: message });
    this.broken = true;
    this.options.onState?.('degraded', `Reconciliation with Alpaca failed: ${message}`);
    this.attempt += 1;
    this.soon(reason);
  }

  /** One reconciliation after a backoff wait, unless one is already waiting. */
  soon(reason: Reason): void {
    if (this.cancelRetry) return;
    const wait = fullJitterDelay(this.attempt, this.options.backoff, this.options.random);
    this.cancelRetry = this.options.scheduler.after(wait, () => {
      this.cancelRetry = null;
      this.inBackground(reason);
    });
  }

  stop(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }
}
