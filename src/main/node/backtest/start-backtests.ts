import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../core/api/domain-error';
import type { DomainHandlers } from '../../core/api/handlers';
import type { EventHub } from '../../core/events/event-hub';
import type { BarStore, InstrumentStore } from '../../core/ports/bar-store';
import type { Clock } from '../../core/ports/clock';
import { SqliteBacktestRepository } from '../store/sqlite-backtest-repository';
import { SqliteBarStore } from '../store/sqlite-bar-store';
import { BacktestService } from './backtest-service';
import { exportResult } from './export-result';
import { fileStrategies, StrategyCatalog, type UserStrategySource } from './strategy-catalog';
import { backtestWorkerEntry, type WorkerEntry } from './worker/worker-entry';

export type BacktestMethods =
  | 'backtest.strategies'
  | 'backtest.run'
  | 'backtest.list'
  | 'backtest.get'
  | 'backtest.delete'
  | 'backtest.export'
  | 'backtest.sweep.start'
  | 'backtest.sweep.cancel'
  | 'backtest.sweep.get';

export interface BacktestsOptions {
  sqlite: BetterSqlite3.Database;
  /** The local bar store (CSV imports, Polygon history and the simulator all land there); by default on `sqlite`. */
  bars?: BarStore & InstrumentStore;
  hub: EventHub;
  clock: Clock;
  dataDir: string;
  /** User strategies; by default the .ts files in `<dataDir>/strategies`. */
  userStrategies?: UserStrategySource;
  /** Workers per sweep unless a request says; by default one per core. */
  workers?: number;
  workerEntry?: WorkerEntry;
  /** How long idle worker threads stay warm (default two minutes). */
  idleWorkerMs?: number;
}

export interface Backtests {
  handlers: DomainHandlers<BacktestMethods>;
  service: BacktestService;
  stop(): Promise<void>;
}

/** Composes backtesting: strategies, the results table, worker threads and the handlers. */
export function startBacktests(options: BacktestsOptions): Backtests {
  const repository = new SqliteBacktestRepository(options.sqlite);
  const catalog = new StrategyCatalog(options.dataDir, options.userStrategies ?? fileStrategies);
  const service = new BacktestService({
    dataDir: options.dataDir,
    bars: options.bars ?? new SqliteBarStore(options.sqlite),
    repository,
    catalog,
    workerEntry: () => options.workerEntry ?? backtestWorkerEntry(),
    defaultWorkers: Math.max(1, options.workers ?? availableParallelism()),
    ...(options.idleWorkerMs === undefined ? {} : { idleWorkerMs: options.idleWorkerMs }),
    now: () => options.clock.now(),
    newId: (kind) => `${kind}-${randomUUID()}`,
    publish: (progress) => options.hub.publish('backtest.sweep.progress', progress),
  });
  const saved = (id: string) => {
    const result = repository.get(id);
    if (!result) throw new DomainError('NOT_FOUND', `No saved backtest ${id}`);
    return result;
  };
  const handlers: DomainHandlers<BacktestMethods> = {
    'backtest.strategies': () => catalog.list(),
    'backtest.run': (request) => service.run(request),
    'backtest.list': ({ limit }) => repository.list(limit),
    'backtest.get': ({ id }) => saved(id),
    'backtest.delete': ({ id }) => ({ deleted: repository.delete(id) }),
    'backtest.export': ({ id, format, part }) => exportResult(saved(id), format, part),
    'backtest.sweep.start': (request) => service.startSweep(request),
    'backtest.sweep.cancel': ({ sweepId }) => service.cancelSweep(sweepId),
    'backtest.sweep.get': ({ sweepId }) => service.getSweep(sweepId),
  };
  return { handlers, service, stop: () => service.stop() };
}
