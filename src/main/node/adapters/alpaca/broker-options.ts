import type { BrokerState, ReconciliationReport } from '@shared/dto/broker';
import type { BrokerPosition } from '../../../core/ports/broker';
import type { Clock } from '../../../core/ports/clock';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import type { BackoffPolicy } from '../backoff';
import type { SubmitSafelyOptions } from './submit-safely';
import type { AlpacaTradingApi } from './trading-api';
import type { OrderLookup } from '../../../core/trading/execution/trading-book';

/** What the Alpaca broker needs; the host builds it once per connected key pair. */
export interface AlpacaBrokerOptions {
  api: AlpacaTradingApi;
  mode: 'paper' | 'live';
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  /** The order manager's book, read on every decision (never copied). */
  orders: OrderLookup;
  /** The journal's positions, compared with Alpaca's on every reconciliation. */
  bookPositions: () => readonly BrokerPosition[];
  onReconciliation?: (report: ReconciliationReport) => void;
  /** Stream and REST health for the header. */
  onState?: (state: BrokerState, detail: string | null) => void;
  /** The trade_updates stream; without it, updates come through `ingest` only. */
  stream?: { url: string; keyId: string; secret: string; backoff?: BackoffPolicy; handshakeTimeoutMs?: number; pingIntervalMs?: number };
  random?: RandomSource;
  /** Safe-submit tuning (defaults: 3 POSTs, 5 lookups, 0.5–8 s backoff). */
  submit?: Partial<Pick<SubmitSafelyOptions, 'maxPosts' | 'maxLookups' | 'backoff'>>;
  /** How far back a reconciliation lists orders (default three days: a long weekend). */
  recentOrdersMs?: number;
  /** How long a multi-leg entry waits for its legs before it is sent with what arrived. */
  legWaitMs?: number;
  /** Waits between reconciliation retries after a failure. */
  retryBackoff?: BackoffPolicy;
}

export const SUBMIT_DEFAULTS = { maxPosts: 3, maxLookups: 5, backoff: { baseMs: 500, capMs: 8_000 } } as const;
/** Three days: recent orders cover a long weekend. */
export const RECENT_ORDERS_MS = 3 * 86_400_000;
export const LEG_WAIT_MS = 2_000;
