/**
 * Keeps only the newest value per key between flushes, so a fast feed produces at most one
 * message per key per frame however many updates arrive. Insertion order is kept.
 */
export class Coalescer<T> {
  private pending = new Map<string, T>();

  put(key: string, value: T): void {
    this.pending.set(key, value);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Hands over everything pending and starts a new frame. */
  drain(visit: (value: T, key: string) => void): void {
    if (this.pending.size === 0) return;
    const frame = this.pending;
    this.pending = new Map();
    for (const [key, value] of frame) visit(value, key);
  }
}
