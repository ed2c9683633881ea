import type { BarColumns } from '../../../core/market-data/types';
import type { RangeRow } from './bar-statements';

/**
 * Fills BarColumns from raw range rows without knowing the count up front: capacity starts
 * at the expected size (the limit, when small) and doubles; the result is trimmed to fit.
 */
export class ColumnBuilder {
  private time: Float64Array;
  private open: Float64Array;
  private high: Float64Array;
  private low: Float64Array;
  private close: Float64Array;
  private volume: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.time = new Float64Array(size);
    this.open = new Float64Array(size);
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.close = new Float64Array(size);
    this.volume = new Float64Array(size);
  }

  /** Appends every row; prices arrive as decimal text and become floats here. */
  addAll(rows: Iterable<RangeRow>): void {
    let n = this.length;
    let capacity = this.time.length;
    let { time, open, high, low, close, volume } = this;
    for (const row of rows) {
      if (n === capacity) {
        this.length = n;
        this.grow(capacity * 2);
        capacity = this.time.length;
        ({ time, open, high, low, close, volume } = this);
      }
      time[n] = row[0];
      open[n] = Number(row[1]);
      high[n] = Number(row[2]);
      low[n] = Number(row[3]);
      close[n] = Number(row[4]);
      volume[n] = Number(row[5]);
      n += 1;
    }
    this.length = n;
  }

  /** The filled columns, trimmed; reversed when the rows arrived newest first. */
  finish(reverse: boolean): BarColumns {
    const n = this.length;
    const fit = (column: Float64Array) => {
      const out = column.length === n ? column : column.slice(0, n);
      return reverse ? out.reverse() : out;
    };
    return {
      length: n,
      time: fit(this.time),
      open: fit(this.open),
      high: fit(this.high),
      low: fit(this.low),
      close: fit(this.close),
      volume: fit(this.volume),
    };
  }

  private grow(capacity: number): void {
    const grown = (column: Float64Array) => {
      const next = new Float64Array(capacity);
      next.set(column);
      return next;
    };
    this.time = grown(this.time);
    this.open = grown(this.open);
    this.high = grown(this.high);
    this.low = grown(this.low);
    this.close = grown(this.close);
    this.volume = grown(this.volume);
  }
}
