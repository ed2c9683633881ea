import type { Timeframe } from '@shared/dto/market-data';
import type { Bar } from '../types';
import { UPDATES_HIGH_LOW, UPDATES_LAST, UPDATES_VOLUME } from './trade-conditions';

/**
 * The open bar of one symbol and timeframe, as mutable numbers: the aggregator's hot path
 * updates it in place and allocates a `Bar` only when one is emitted.
 */
export class BarSlot {
  /** Open bucket [start, end) in UTC ms; NaN while no bar is open. */
  start = Number.NaN;
  end = Number.NaN;
  /** Buckets starting before this were finished: a trade for them arrived late. */
  finishedBefore = Number.NEGATIVE_INFINITY;
  /** Queued for the next drain of updated bars. */
  touched = false;

  private open = 0;
  private high = Number.NEGATIVE_INFINITY;
  private low = Number.POSITIVE_INFINITY;
  private close = 0;
  private openTime = 0;
  private closeTime = 0;
  private hasLast = false;
  private firstPrice = 0;
  private volume = 0;
  private notional = 0;
  private trades = 0;
  /** Close of the last finished bar with a price, to price a bar that has only volume. */
  private previousClose = Number.NaN;

  constructor(
    readonly symbol: string,
    readonly timeframe: Timeframe,
    /** Uses the daily (end-of-day) condition rules. */
    readonly daily: boolean,
  ) {}

  get isOpen(): boolean {
    return !Number.isNaN(this.start);
  }

  begin(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.high = Number.NEGATIVE_INFINITY;
    this.low = Number.POSITIVE_INFINITY;
    this.hasLast = false;
    this.volume = 0;
    this.notional = 0;
    this.trades = 0;
  }

  /**
   * Adds one trade. Open and close follow trade time, not arrival: a trade stamped before the
   * current open replaces it, one stamped before the current close does not move the close.
   */
  apply(time: number, price: number, size: number, mask: number): void {
    if (this.trades === 0) this.firstPrice = price;
    this.trades += 1;
    if ((mask & UPDATES_LAST) !== 0) {
      if (!this.hasLast || time < this.openTime) {
        this.open = price;
        this.openTime = time;
      }
      if (!this.hasLast || time >= this.closeTime) {
        this.close = price;
        this.closeTime = time;
      }
      this.hasLast = true;
      if (price > this.high) this.high = price;
      if (price < this.low) this.low = price;
    } else if ((mask & UPDATES_HIGH_LOW) !== 0) {
      if (price > this.high) this.high = price;
      if (price < this.low) this.low = price;
    }
    if ((mask & UPDATES_VOLUME) !== 0) {
      this.volume += size;
      this.notional += price * size;
    }
  }

  /** The open bar as a new object. */
  snapshot(): Bar {
    let { open, high, low, close } = this;
    if (!this.hasLast) {
      // Only volume-only (or high/low-only) prints so far: no trade may set open or close.
      // Carry the previous close, as a chart would, or else the first print's price.
      const reference = Number.isNaN(this.previousClose) ? this.firstPrice : this.previousClose;
      open = reference;
      close = reference;
      high = Math.max(high, reference);
      low = Math.min(low, reference);
    }
    return {
      time: this.start,
      open,
      high,
      low,
      close,
      volume: this.volume,
      vwap: this.volume > 0 ? this.notional / this.volume : null,
      trades: this.trades,
    };
  }

  /** Closes the open bar and returns it. */
  finish(): Bar {
    const bar = this.snapshot();
    this.previousClose = bar.close;
    this.finishedBefore = this.end;
    this.start = Number.NaN;
    this.end = Number.NaN;
    return bar;
  }
}
