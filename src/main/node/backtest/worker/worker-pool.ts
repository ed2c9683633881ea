import { BacktestWorkerClient } from './backtest-worker-client';
import type { WorkerEntry } from './worker-entry';
import type { WorkerInit } from './worker-protocol';

/** How long an idle thread is kept warm. */
export const DEFAULT_IDLE_MS = 120_000;

interface Idle {
  client: BacktestWorkerClient;
  timer: NodeJS.Timeout;
}

/**
 * Backtest threads kept warm between backtests and sweeps. A fresh thread spends 200–400 ms
 * starting, and its first runs go through V8's interpreter and baseline code (a 1M-bar run
 * takes about three times as long before the optimizing compiler has seen it); a thread that
 * has run the strategy before starts at full speed. Only threads that ran a built-in strategy
 * come back: a user's strategy runs in the thread's global scope, and what it leaves there
 * must not reach another run. Idle threads hold no bars, do not keep the process alive, and
 * end after `idleMs`.
 */
export class WorkerPool {
  private readonly idle: Idle[] = [];
  private readonly busy = new Set<BacktestWorkerClient>();
  private stopping = false;

  constructor(
    private readonly entry: () => WorkerEntry,
    private readonly idleMs: number = DEFAULT_IDLE_MS,
  ) {}

  /**
   * `count` threads loaded with `init`: warm ones first for a built-in strategy, new ones for
   * a user's (which are not kept afterwards, so the warm ones are left for others). `transfer`
   * (a single run's own bars) goes to the first. If any thread cannot load, every one taken
   * here is stopped and the first error thrown.
   */
  async acquire(count: number, init: WorkerInit, transfer: readonly ArrayBuffer[] = []): Promise<BacktestWorkerClient[]> {
    if (this.stopping) throw new Error('The backtest workers are stopping');
    const clients: BacktestWorkerClient[] = [];
    try {
      for (let i = 0; i < count; i += 1) clients.push(this.take(init.strategy.source === 'builtin'));
    } catch (error) {
      await Promise.all(clients.map((client) => this.discard(client)));
      throw error;
    }
    const loaded = await Promise.allSettled(clients.map((client, i) => client.load(init, i === 0 ? transfer : [])));
    const failure = loaded.find((outcome) => outcome.status === 'rejected');
    if (failure) {
      await Promise.all(clients.map((client) => this.discard(client)));
      throw failure.reason;
    }
    return clients;
  }

  /** Back to the pool, warm, when it is alive and ran a built-in strategy; stopped otherwise. */
  async release(client: BacktestWorkerClient): Promise<void> {
    if (!this.busy.delete(client)) return;
    if (this.stopping || !client.alive || client.strategy?.source !== 'builtin') {
      await client.terminate();
      return;
    }
    client.reset();
    this.park(client);
  }

  /**
   * Starts threads ahead of need, so that `count` wait idle: a thread boots in a few hundred
   * milliseconds, which can pass while the bars are read. A no-op when enough are idle.
   */
  prestart(count: number): void {
    if (this.stopping) return;
    for (let i = this.idle.length; i < count; i += 1) this.park(this.spawn());
  }

  /** Stops a thread now (a canceled sweep); it does not come back. */
  async discard(client: BacktestWorkerClient): Promise<void> {
    this.busy.delete(client);
    await client.terminate();
  }

  /** Busy threads, and the ids of the idle ones (tests and diagnostics). */
  snapshot(): { busy: number; idle: number[] } {
    return { busy: this.busy.size, idle: this.idle.map(({ client }) => client.threadId) };
  }

  /** Stops the idle threads now (the next work starts cold). */
  async retireIdle(): Promise<void> {
    const idle = this.idle.splice(0);
    for (const { timer } of idle) clearTimeout(timer);
    await Promise.all(idle.map(({ client }) => client.terminate()));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.retireIdle(), ...[...this.busy].map((client) => this.discard(client))]);
  }

  private take(reuse: boolean): BacktestWorkerClient {
    let client: BacktestWorkerClient | undefined;
    while (reuse && client === undefined && this.idle.length > 0) {
      const { client: candidate, timer } = this.idle.pop()!;
      clearTimeout(timer);
      if (candidate.alive) client = candidate;
    }
    client ??= this.spawn();
    client.keepAlive(true);
    this.busy.add(client);
    return client;
  }

  private spawn(): BacktestWorkerClient {
    const client = BacktestWorkerClient.spawn(this.entry());
    // A thread that dies while idle leaves the pool.
    void client.closed.then(() => this.unpark(client));
    return client;
  }

  private park(client: BacktestWorkerClient): void {
    client.keepAlive(false);
    const entry: Idle = { client, timer: setTimeout(() => this.retire(entry), this.idleMs) };
    entry.timer.unref();
    this.idle.push(entry);
  }

  private unpark(client: BacktestWorkerClient): void {
    const at = this.idle.findIndex((entry) => entry.client === client);
    if (at >= 0) clearTimeout(this.idle.splice(at, 1)[0]!.timer);
  }

  private retire(entry: Idle): void {
    this.unpark(entry.client);
    void entry.client.terminate();
  }
}
