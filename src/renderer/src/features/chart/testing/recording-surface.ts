import type { IndicatorSpec } from '@shared/dto/indicators';
import type { BarBuffer } from '../bar-buffer';
import type { BarsView, ChartSurface } from '../chart-surface';
import type { IndicatorFrame, LineChange } from '../indicator-frame';

/** A ChartSurface that records what the session asked it to draw (for unit tests). */
export class RecordingSurface implements ChartSurface {
  readonly setBarsCalls: { count: number; view: BarsView }[] = [];
  readonly updates: { index: number; close: number; historical: boolean }[] = [];
  readonly indicatorPoints: LineChange[] = [];
  specs: readonly IndicatorSpec[] = [];
  frame: IndicatorFrame | null = null;
  format = { timeframe: '', decimals: 0 };
  private rangeListener: (from: number) => void = () => {};
  private crosshairListener: (index: number | null) => void = () => {};
  private paints: (() => void)[] = [];

  private from = 0;

  setBars(bars: BarBuffer, view: BarsView): void {
    this.setBarsCalls.push({ count: bars.length, view });
    // Like the chart: keeping the view moves its logical range by the prepended bars.
    if (view.kind === 'keep') this.scrollTo(this.from + view.shift);
  }

  updateBar(bars: BarBuffer, index: number, historical: boolean): void {
    this.updates.push({ index, close: bars.close[index] ?? Number.NaN, historical });
  }

  setIndicatorSpecs(specs: readonly IndicatorSpec[]): void {
    this.specs = specs;
  }

  setIndicatorValues(frame: IndicatorFrame | null): void {
    this.frame = frame;
  }

  updateIndicatorPoints(changes: readonly LineChange[]): void {
    this.indicatorPoints.push(...changes);
  }

  setFormat(format: { timeframe: string; decimals: number }): void {
    this.format = format;
  }

  setPalette(): void {}

  onVisibleRange(listener: (from: number) => void): () => void {
    this.rangeListener = listener;
    return () => (this.rangeListener = () => {});
  }

  onCrosshair(listener: (index: number | null) => void): () => void {
    this.crosshairListener = listener;
    return () => (this.crosshairListener = () => {});
  }

  afterPaint(run: () => void): void {
    this.paints.push(run);
  }

  /** Test controls. */
  scrollTo(from: number): void {
    this.from = from;
    this.rangeListener(from);
  }

  hover(index: number | null): void {
    this.crosshairListener(index);
  }

  paint(): void {
    for (const run of this.paints.splice(0)) run();
  }

  lastBars(): { count: number; view: BarsView } | undefined {
    return this.setBarsCalls[this.setBarsCalls.length - 1];
  }
}
