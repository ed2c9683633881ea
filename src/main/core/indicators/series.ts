/**
 * Shared pieces of the indicator library. Batch functions take and return Float64Arrays of the
 * input's length with NaN where TA-Lib would give no value (its lookback); streaming classes
 * return NaN for the same bars, so a chart can treat both alike.
 */

/** A Float64Array of `length` NaNs: the output before any value is written. */
export function nanSeries(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}

/** Periods come validated from the contract; anything else is a caller bug, not data. */
export function assertPeriod(name: string, period: number): void {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`${name}: period must be an integer ≥ 1, got ${period}`);
}

/** Inputs to one indicator must line up bar for bar. */
export function assertSameLength(name: string, ...columns: readonly Float64Array[]): void {
  const length = columns[0]?.length ?? 0;
  if (columns.some((column) => column.length !== length)) throw new RangeError(`${name}: input columns differ in length`);
}

/** Bars as the streaming classes read them; the engine's `Bar` satisfies all of these. */
export interface HlcBar {
  high: number;
  low: number;
  close: number;
}

export interface HlcvBar extends HlcBar {
  volume: number;
}

export interface CloseVolumeBar {
  close: number;
  volume: number;
}

/**
 * The last `size` values pushed, oldest first. `oldest` is the value the next push will
 * overwrite, which is what a rolling sum subtracts once the window is full.
 */
export class Ring {
  /** Storage; chronological order starts at `start` and wraps at `size`. */
  readonly slots: Float64Array;
  private next = 0;

  constructor(readonly size: number) {
    this.slots = new Float64Array(size);
  }

  /** Where the oldest value sits in `slots` once `size` values were pushed. */
  get start(): number {
    return this.next;
  }

  /** Stores `value`; returns the value it replaced (the one `size` pushes ago, 0 at first). */
  push(value: number): number {
    const replaced = this.slots[this.next]!;
    this.slots[this.next] = value;
    this.next = this.next + 1 === this.size ? 0 : this.next + 1;
    return replaced;
  }

  get oldest(): number {
    return this.slots[this.next]!;
  }

  /** The k-th value in chronological order (0 = oldest) once `size` values were pushed. */
  at(k: number): number {
    const i = this.next + k;
    return this.slots[i >= this.size ? i - this.size : i]!;
  }
}
