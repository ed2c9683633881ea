import type { Timeframe } from '@shared/dto/market-data';
import type { BarColumns } from '../market-data/types';
import type { BarEvent, SeriesView } from '../strategy/strategy-api';

/** The one BarEvent per symbol the engine overwrites for each bar (strategies copy what they keep). */
export class MutableBar implements BarEvent {
  time = 0;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;

  constructor(
    readonly symbol: string,
    readonly timeframe: Timeframe,
  ) {}

  load(bars: BarColumns, i: number): void {
    this.time = bars.time[i]!;
    this.open = bars.open[i]!;
    this.high = bars.high[i]!;
    this.low = bars.low[i]!;
    this.close = bars.close[i]!;
    this.volume = bars.volume[i]!;
  }
}

/**
 * A symbol's finished bars read straight from its columns, up to `length` (the engine moves
 * it forward bar by bar, so no later bar is visible). `back` 0 is the latest; a `back` beyond
 * the start gives NaN, like an indicator still warming up.
 */
export class ColumnsView implements SeriesView {
  length = 0;

  constructor(private readonly bars: BarColumns) {}

  time(back = 0): number {
    return this.at(this.bars.time, back);
  }
  open(back = 0): number {
    return this.at(this.bars.open, back);
  }
  high(back = 0): number {
    return this.at(this.bars.high, back);
  }
  low(back = 0): number {
    return this.at(this.bars.low, back);
  }
  close(back = 0): number {
    return this.at(this.bars.close, back);
  }
  volume(back = 0): number {
    return this.at(this.bars.volume, back);
  }

  private at(column: Float64Array, back: number): number {
    const i = this.length - 1 - back;
    return i >= 0 && back >= 0 && i < this.length ? column[i]! : Number.NaN;
  }
}
