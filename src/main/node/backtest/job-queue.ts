/**
 * Jobs for a fixed number of completions, some of which may be queued later (a walk-forward
 * window's out-of-sample run waits for its in-sample sweep). `next()` waits while work is
 * still outstanding and returns null once everything is done or the queue is closed.
 */
export class JobQueue<T> {
  private readonly items: T[] = [];
  private readonly waiters: ((item: T | null) => void)[] = [];
  private closed = false;

  constructor(private remaining: number) {
    if (remaining <= 0) this.closed = true;
  }

  push(item: T): void {
    if (this.closed) return;
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  next(): Promise<T | null> {
    if (this.closed) return Promise.resolve(null);
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** One job finished; closes the queue after the last. */
  complete(): void {
    this.remaining -= 1;
    if (this.remaining <= 0) this.close();
  }

  close(): void {
    this.closed = true;
    this.items.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter(null);
  }
}
