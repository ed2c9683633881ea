import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { BarBuffer } from './bar-buffer';
import type { ChartPalette } from './chart-theme';
import type { IndicatorFrame, LineChange } from './indicator-frame';

/** After new bars: show the latest ones, or keep the bars on screen where they are (prepend). */
export type BarsView = { kind: 'latest' } | { kind: 'keep'; shift: number };

/**
 * What the chart session draws on. The lightweight-charts implementation is LwcSurface; unit
 * tests use a recording fake. Every method is cheap to call at feed rate except setBars.
 */
export interface ChartSurface {
  /** Draws these bars (candles and volume), replacing everything drawn before. */
  setBars(bars: BarBuffer, view: BarsView): void;
  /** Redraws one bar after a live change: the last one, or an older one when `historical`. */
  updateBar(bars: BarBuffer, index: number, historical: boolean): void;
  /** The indicators on the chart; their series appear when values arrive. */
  setIndicatorSpecs(specs: readonly IndicatorSpec[]): void;
  /** Replaces every indicator line (null clears them). */
  setIndicatorValues(frame: IndicatorFrame | null, bars: BarBuffer): void;
  /** Applies refreshed values at the live edge. */
  updateIndicatorPoints(changes: readonly LineChange[], bars: BarBuffer): void;
  setFormat(format: { timeframe: Timeframe; decimals: number }): void;
  setPalette(palette: ChartPalette): void;
  /** Leftmost visible logical index whenever the visible range changes. */
  onVisibleRange(listener: (from: number) => void): () => void;
  /** The bar index under the crosshair, or null when it leaves the chart. */
  onCrosshair(listener: (index: number | null) => void): () => void;
  /** Runs once the next frame has been drawn. */
  afterPaint(run: () => void): void;
}
