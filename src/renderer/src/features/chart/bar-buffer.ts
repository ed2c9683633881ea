import type { BarDto, BarSeries } from '@shared/dto/market-data';
import { chartSeconds, type OffsetFn } from './chart-time';

/** The columns of a `md.bars` answer the buffer reads. */
export type BarColumns = Pick<BarSeries, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>;

/** What a live bar did to the buffer. */
export type BarChange = { kind: 'append' | 'replace'; index: number } | { kind: 'historical'; index: number } | { kind: 'stale' };

/**
 * The loaded bars of one chart, columnar and oldest first, outside React state. `time` is the
 * bar open in epoch ms (what the engine speaks); `chartTime` is the zone-shifted second the
 * chart draws at, kept strictly increasing even across a daylight-saving fold.
 */
export class BarBuffer {
  time: number[] = [];
  chartTime: number[] = [];
  open: number[] = [];
  high: number[] = [];
  low: number[] = [];
  close: number[] = [];
  volume: number[] = [];

  constructor(private readonly offset: OffsetFn = () => 0) {}

  get length(): number {
    return this.time.length;
  }

  get firstTime(): number | undefined {
    return this.time[0];
  }

  get lastTime(): number | undefined {
    return this.time[this.time.length - 1];
  }

  clear(): void {
    this.time = [];
    this.chartTime = [];
    this.open = [];
    this.high = [];
    this.low = [];
    this.close = [];
    this.volume = [];
  }

  /** Replaces everything with these bars (out-of-order ones are dropped). */
  reset(columns: BarColumns): void {
    this.clear();
    this.appendColumns(columns, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    this.chartTime = this.shiftAll();
  }

  /** Puts older bars in front; returns how many were added (bars not older than the first are ignored). */
  prepend(columns: BarColumns): number {
    const first = this.firstTime ?? Number.POSITIVE_INFINITY;
    const older = new BarBuffer(this.offset);
    older.appendColumns(columns, Number.NEGATIVE_INFINITY, first);
    if (older.length === 0) return 0;
    this.time = older.time.concat(this.time);
    this.open = older.open.concat(this.open);
    this.high = older.high.concat(this.high);
    this.low = older.low.concat(this.low);
    this.close = older.close.concat(this.close);
    this.volume = older.volume.concat(this.volume);
    this.chartTime = this.shiftAll();
    return older.length;
  }

  /** Applies a live bar: a newer one appends, the last one is replaced, an older loaded one is corrected. */
  apply(bar: Pick<BarDto, 'time' | 'open' | 'high' | 'low' | 'close' | 'volume'>): BarChange {
    const last = this.lastTime;
    if (last === undefined || bar.time > last) {
      const previous = this.chartTime[this.chartTime.length - 1] ?? Number.NEGATIVE_INFINITY;
      this.push(bar.time, bar.open, bar.high, bar.low, bar.close, bar.volume);
      this.chartTime.push(Math.max(this.toChart(bar.time), previous + 1));
      return { kind: 'append', index: this.length - 1 };
    }
    const index = bar.time === last ? this.length - 1 : this.indexOf(bar.time);
    if (index < 0) return { kind: 'stale' };
    this.open[index] = bar.open;
    this.high[index] = bar.high;
    this.low[index] = bar.low;
    this.close[index] = bar.close;
    this.volume[index] = bar.volume;
    return { kind: index === this.length - 1 ? 'replace' : 'historical', index };
  }

  /** Index of the bar that opens at `time` (epoch ms), or -1. */
  indexOf(time: number): number {
    let low = 0;
    let high = this.time.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = this.time[mid] ?? 0;
      if (value === time) return mid;
      if (value < time) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private push(time: number, open: number, high: number, low: number, close: number, volume: number): void {
    this.time.push(time);
    this.open.push(open);
    this.high.push(high);
    this.low.push(low);
    this.close.push(close);
    this.volume.push(volume);
  }

  /** Appends the bars with after < time < before, keeping times strictly increasing. */
  private appendColumns(columns: BarColumns, after: number, before: number): void {
    let previous = this.lastTime ?? after;
    for (let i = 0; i < columns.time.length; i += 1) {
      const time = columns.time[i] ?? Number.NaN;
      if (!(time > previous) || !(time < before)) continue;
      this.push(time, columns.open[i] ?? 0, columns.high[i] ?? 0, columns.low[i] ?? 0, columns.close[i] ?? 0, columns.volume[i] ?? 0);
      previous = time;
    }
  }

  private toChart(time: number): number {
    return chartSeconds(time, this.offset);
  }

  private shiftAll(): number[] {
    const shifted = new Array<number>(this.time.length);
    let previous = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < this.time.length; i += 1) {
      const value = Math.max(this.toChart(this.time[i] ?? 0), previous + 1);
      shifted[i] = value;
      previous = value;
    }
    return shifted;
  }
}
