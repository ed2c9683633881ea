import type { ReconciliationDifference, ReconciliationReport } from '@shared/dto/broker';
import { DomainError } from '../../../core/api/domain-error';
import type { Broker, BrokerPosition } from '../../../core/ports/broker';
import type { RandomSource } from '../../../core/ports/random';
import type { ExecutionReport } from '../../../core/trading/model/execution-report';
import { isOpen, type Order } from '../../../core/trading/model/order';
import { mathRandom, REST_BACKOFF } from '../backoff';
import { LEG_WAIT_MS, RECENT_ORDERS_MS, SUBMIT_DEFAULTS, type AlpacaBrokerOptions } from './broker-options';
import { brokerPositions, workingOrders } from './broker-views';
import { AlpacaApiError } from './errors';
import { LegAssembly } from './leg-assembly';
import { findAlpacaId, OrderLinks } from './order-links';
import { toAlpacaRequest } from './order-mapping';
import { adoptOrder, reconcileWithAlpaca, type SyncDeps } from './reconcile';
import { ReconcileRunner } from './reconcile-runner';
import { replaceSafely } from './replace-safely';
import { submitSafely, type SubmitOutcome, type SubmitSafelyOptions } from './submit-safely';
import { AlpacaTradeStream } from './trade-stream';
import { UpdateApplier } from './update-applier';
import type { AlpacaOrder, TradeUpdate } from './wire';

export type { AlpacaBrokerOptions } from './broker-options';

type Reason = ReconciliationReport['reason'];

/**
 * Kestrel's Broker on Alpaca. Orders go out once per intent (submit-safely.ts); what happens
 * to them comes from the trade_updates stream, applied in stream order, and from
 * reconciliation after every (re)connect. Stream events, submit outcomes and
 * reconciliations run one at a time, so nothing is applied twice or out of order.
 */
export class AlpacaBroker implements Broker {
  readonly name = 'alpaca';
  readonly mode: 'paper' | 'live';
  private readonly listeners = new Set<(report: ExecutionReport) => void>();
  private readonly links = new OrderLinks();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly unresolved = new Set<string>();
  /** Our old order id → our replacement's id, for replaces we sent. */
  private readonly replacements = new Map<string, string>();
  private readonly legs: LegAssembly;
  private readonly updates: UpdateApplier;
  private readonly stream: AlpacaTradeStream | null;
  private readonly random: RandomSource;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly reconciler: ReconcileRunner;

  constructor(private readonly options: AlpacaBrokerOptions) {
    this.mode = options.mode;
    this.random = options.random ?? mathRandom;
    this.legs = new LegAssembly(options.scheduler, options.legWaitMs ?? LEG_WAIT_MS, (parent, legs) => this.send(parent, legs));
    this.updates = new UpdateApplier({
      api: options.api,
      links: this.links,
      orders: options.orders,
      replacementOf: (id) => this.replacementOf(id),
      forgetReplacement: (id) => this.replacements.delete(id),
      emit: (report) => this.emit(report),
      now: () => options.clock.now(),
      logger: options.logger,
    });
    this.reconciler = new ReconcileRunner({
      compare: (now) => this.serial(() => this.compare(now)),
      now: () => this.now(),
      scheduler: options.scheduler,
      random: this.random,
      backoff: options.retryBackoff ?? REST_BACKOFF,
      logger: options.logger,
      onReconciliation: options.onReconciliation,
      onState: options.onState,
    });
    const stream = options.stream;
    this.stream = stream
      ? new AlpacaTradeStream({
          ...stream,
          scheduler: options.scheduler,
          random: this.random,
          logger: options.logger.child('alpaca-stream'),
          onUpdate: (update) => this.ingest(update),
          onReady: () => this.reconciler.streamReady(),
          onState: (state, detail) => this.reconciler.streamState(state, detail),
        })
      : null;
  }

  start(): void {
    this.stream?.start();
  }

  async stop(): Promise<void> {
    this.reconciler.stop();
    this.legs.clear();
    await this.stream?.stop();
  }

  onReport(listener: (report: ExecutionReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every queued update, submit outcome and reconciliation has been applied. */
  async whenIdle(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.tail;
      await tail.catch(() => undefined);
    } while (tail !== this.tail);
  }

  /** One trade update, applied after everything before it (reconciliations included). */
  ingest(update: TradeUpdate): void {
    void this.serial(() => this.updates.apply(update)).catch((error: unknown) =>
      this.options.logger.error('Could not apply an Alpaca trade update', { event: update.event, alpacaId: update.order.id, error: String(error) }),
    );
  }

  async submit(order: Order): Promise<void> {
    const current = this.current(order.id) ?? order;
    if (current.status !== 'pending_new' || this.inFlight.has(order.id)) return; // settled or under way: never twice
    if (order.parentId !== null) return this.submitLeg(current);
    const ready = this.legs.offerParent(current, this.children(order.id));
    if (ready) await this.send(ready.parent, ready.legs);
  }

  async cancel(order: Order): Promise<void> {
    if (this.legs.withdraw(order.id)) {
      // Never sent: the entry and its legs end here.
      for (const each of [order, ...this.children(order.id)]) this.emitIfOpen({ kind: 'canceled', orderId: each.id, time: this.now(), reason: 'Canceled before it was sent' });
      return;
    }
    await this.inFlight.get(order.id);
    const alpacaId = this.links.alpacaIdOf(order.id) ?? (await findAlpacaId(order, this.links, this.options));
    if (alpacaId === null) {
      if (this.current(order.id)?.status === 'pending_new') this.emitIfOpen({ kind: 'canceled', orderId: order.id, time: this.now(), reason: 'Never reached Alpaca' });
      return;
    }
    try {
      await this.options.api.cancelOrder(alpacaId); // the `canceled` report comes from the stream
    } catch (error) {
      if (error instanceof AlpacaApiError && (error.status === 422 || error.status === 404)) {
        this.options.logger.info('Alpaca would not cancel (already done); the stream will tell', { orderId: order.id, status: error.status });
        return;
      }
      throw new DomainError('UNAVAILABLE', `Alpaca did not take the cancel of ${order.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async replace(old: Order, next: Order): Promise<void> {
    const alpacaId = this.links.alpacaIdOf(old.id) ?? (await findAlpacaId(old, this.links, this.options));
    if (alpacaId === null) {
      this.emitIfOpen({ kind: 'rejected', orderId: next.id, time: this.now(), reason: `Order ${old.id} is not known at Alpaca` });
      return;
    }
    this.replacements.set(old.id, next.id);
    const done = replaceSafely(alpacaId, next, { ...this.submitOptions(), api: this.options.api });
    this.inFlight.set(next.id, done.then(() => undefined));
    try {
      const outcome = await done;
      await this.serial(() => this.settleReplace(old, next, outcome));
    } finally {
      this.inFlight.delete(next.id);
    }
  }

  async restore(orders: readonly Order[]): Promise<void> {
    this.options.logger.info('Reconciling with Alpaca', { workingOrders: orders.length });
    await this.reconciler.run('start').catch((error: unknown) => this.reconciler.failed('start', error));
  }

  /** Compares our books with Alpaca's and reports what differs; throws when Alpaca cannot be read. */
  reconcile(reason: Reason = 'manual'): Promise<ReconciliationReport> {
    return this.reconciler.run(reason);
  }

  async openOrders(): Promise<readonly Order[]> {
    const open = await this.options.api.listOrders({ status: 'open' });
    return workingOrders(open, (alpacaId) => this.options.orders.get(this.links.ourIdOf(alpacaId) ?? '') ?? null);
  }

  async positions(): Promise<readonly BrokerPosition[]> {
    return brokerPositions(await this.options.api.positions());
  }

  // --- internals ------------------------------------------------------------------------

  private async submitLeg(leg: Order): Promise<void> {
    if (leg.parentId === null) return;
    const ready = this.legs.offerLeg(leg);
    if (ready) return this.send(ready.parent, ready.legs);
    if (this.legs.isWaiting(leg.parentId) || this.inFlight.has(leg.parentId)) return; // the entry's send settles it
    const parent = this.current(leg.parentId);
    if (parent && !isOpen(parent) && parent.status !== 'filled') {
      this.emitIfOpen({ kind: 'rejected', orderId: leg.id, time: this.now(), reason: `Its entry ${parent.id} is ${parent.status}` });
      return;
    }
    const parentAlpaca = this.links.alpacaIdOf(leg.parentId);
    if (parentAlpaca === undefined) return;
    await this.serial(async () => {
      const alpaca = await this.options.api.getOrder(parentAlpaca);
      if (alpaca) this.adopt(alpaca, false);
    });
  }

  private send(parent: Order, legs: readonly Order[]): Promise<void> {
    const run = async (): Promise<void> => {
      let outcome: SubmitOutcome;
      try {
        outcome = await submitSafely(toAlpacaRequest(parent, legs), { ...this.submitOptions(), api: this.options.api });
      } catch (error) {
        outcome = { kind: 'rejected', reason: error instanceof Error ? error.message : String(error), code: null };
      }
      await this.serial(() => this.settleSubmit(parent, legs, outcome));
    };
    const done = run().finally(() => {
      for (const order of [parent, ...legs]) this.inFlight.delete(order.id);
    });
    for (const order of [parent, ...legs]) this.inFlight.set(order.id, done);
    return done;
  }

  private settleSubmit(parent: Order, legs: readonly Order[], outcome: SubmitOutcome): void {
    if (outcome.kind === 'created') return this.adopt(outcome.order, outcome.adopted);
    if (outcome.kind === 'unknown') {
      this.options.logger.error('Could not tell whether Alpaca has the order; reconciliation will decide', { orderId: parent.id, reason: outcome.reason });
      this.unresolved.add(parent.id);
      this.reconciler.soon('manual');
      return;
    }
    this.options.logger.warn('Alpaca rejected an order', { orderId: parent.id, reason: outcome.reason });
    for (const order of [parent, ...legs]) {
      const reason = order === parent ? outcome.reason : `Its entry was rejected: ${outcome.reason}`;
      this.emitIfOpen({ kind: 'rejected', orderId: order.id, time: this.now(), reason });
    }
  }

  private settleReplace(old: Order, next: Order, outcome: SubmitOutcome): void {
    if (outcome.kind === 'created') {
      // The replacement exists; the old order's `replaced` (or its fill first) comes from the stream.
      this.links.link(next.id, outcome.order.id);
      return;
    }
    if (outcome.kind === 'unknown') {
      this.unresolved.add(next.id);
      this.reconciler.soon('manual');
      return;
    }
    this.replacements.delete(old.id);
    this.emitIfOpen({ kind: 'rejected', orderId: next.id, time: this.now(), reason: outcome.reason });
  }

  /** Links an order Alpaca has (and its legs) and brings ours to its state. */
  private adopt(alpaca: AlpacaOrder, adopted: boolean): void {
    const differences = adoptOrder(alpaca, this.syncDeps());
    if (differences && (adopted || differences.length > 0)) {
      this.options.logger.info('Adopted an order Alpaca already had', { alpacaId: alpaca.id, notes: differences.map((d) => d.message).join('; ') });
    }
  }

  private compare(now: number): Promise<ReconciliationDifference[]> {
    return reconcileWithAlpaca({
      ...this.syncDeps(),
      api: this.options.api,
      bookPositions: this.options.bookPositions,
      inFlight: new Set(this.inFlight.keys()),
      after: new Date(now - (this.options.recentOrdersMs ?? RECENT_ORDERS_MS)).toISOString(),
    });
  }

  private syncDeps(): SyncDeps {
    return {
      links: this.links,
      orders: this.options.orders,
      unresolved: this.unresolved,
      replacementOf: (id) => this.replacementOf(id),
      emit: (report) => this.emit(report),
      now: this.now(),
    };
  }

  private submitOptions(): Omit<SubmitSafelyOptions, 'api'> {
    const scheduler = this.options.scheduler;
    return {
      ...SUBMIT_DEFAULTS,
      ...this.options.submit,
      sleep: (ms) => new Promise<void>((resolve) => void scheduler.after(ms, resolve)),
      random: this.random,
      logger: this.options.logger,
    };
  }

  private replacementOf(ourId: string): string | null {
    return this.replacements.get(ourId) ?? this.current(ourId)?.replacedBy ?? null;
  }

  /** Runs after everything queued before it; a failure does not stop what follows. */
  private serial<T>(job: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(job);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private emitIfOpen(report: ExecutionReport): void {
    const order = this.current(report.orderId);
    if (order && isOpen(order)) this.emit(report);
  }

  private emit(report: ExecutionReport): void {
    for (const listener of this.listeners) listener(report);
  }

  private current(id: string): Order | undefined {
    return this.options.orders.get(id);
  }

  private children(parentId: string): Order[] {
    return this.options.orders.children(parentId);
  }

  private now(): number {
    return this.options.clock.now();
  }
}
