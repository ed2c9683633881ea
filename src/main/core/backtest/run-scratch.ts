/**
 * Buffers a thread lends to its metrics-only runs, one run after another (a sweep's worker).
 * A million-point run needs ~33 MB of curve and drawdown columns; allocating them afresh per
 * run costs page faults and garbage collections (V8 counts that external memory and collects
 * to relieve it). A view handed out is valid until the next run asks for the same slot, so a
 * run's output must never keep one: metrics are plain numbers.
 */
export class RunScratch {
  private readonly floats: Float64Array[] = [];
  private flagBuffer = new Uint8Array(0);

  /** `n` doubles in slot `slot` (stale values: the caller writes before it reads). */
  float(slot: number, n: number): Float64Array {
    let buffer = this.floats[slot];
    if (buffer === undefined || buffer.length < n) {
      buffer = new Float64Array(n);
      this.floats[slot] = buffer;
    }
    return buffer.subarray(0, n);
  }

  /** `n` bytes (stale values, as float()). */
  flags(n: number): Uint8Array {
    if (this.flagBuffer.length < n) this.flagBuffer = new Uint8Array(n);
    return this.flagBuffer.subarray(0, n);
  }
}

/** RunScratch's slots. */
export const SLOT = { time: 0, equity: 1, benchmark: 2, drawdown: 3 } as const;
