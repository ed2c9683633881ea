import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { BarBuffer } from './bar-buffer';
import { formatBarTime } from './chart-time';
import { lineColor, type ChartPalette } from './chart-theme';
import { indicatorLabel } from './indicator-catalog';
import { latestValuesAt, valuesAt, type IndicatorFrame } from './indicator-frame';
import { directionOf, formatPercent, formatPrice, formatSigned, formatVolume, type Direction } from './number-format';

export interface LegendBar {
  time: string;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  /** Close against the previous bar's close. */
  change: string;
  direction: Direction;
}

export interface LegendIndicator {
  id: string;
  label: string;
  colors: string[];
  values: string[];
}

export interface LegendModel {
  bar: LegendBar | null;
  indicators: LegendIndicator[];
}

export const EMPTY_LEGEND: LegendModel = { bar: null, indicators: [] };

export interface LegendInput {
  bars: BarBuffer;
  /** The bar under the crosshair, or the last bar. */
  index: number;
  /** At the live edge (no crosshair): indicators show their latest values, the forming bar has none yet. */
  live: boolean;
  timeframe: Timeframe;
  decimals: number;
  specs: readonly IndicatorSpec[];
  frame: IndicatorFrame | null;
  palette: ChartPalette;
}

/** What the legend shows for one bar: OHLCV and every indicator's values. */
export function legendAt(input: LegendInput): LegendModel {
  const { bars, index, decimals } = input;
  const close = bars.close[index];
  const time = bars.time[index];
  if (close === undefined || time === undefined) return { bar: null, indicators: indicatorsAt(input, null) };
  const previous = bars.close[index - 1] ?? bars.open[index] ?? close;
  const change = close - previous;
  const percent = previous === 0 ? 0 : (change / previous) * 100;
  return {
    bar: {
      time: formatBarTime(bars.chartTime[index] ?? time / 1000, input.timeframe),
      open: formatPrice(bars.open[index], decimals),
      high: formatPrice(bars.high[index], decimals),
      low: formatPrice(bars.low[index], decimals),
      close: formatPrice(close, decimals),
      volume: formatVolume(bars.volume[index]),
      change: `${formatSigned(change, decimals)} (${formatPercent(percent)})`,
      direction: directionOf(change),
    },
    indicators: indicatorsAt(input, time),
  };
}

function indicatorsAt(input: LegendInput, time: number | null): LegendIndicator[] {
  return input.specs.map((spec, position) => {
    const series = input.frame?.series.find((entry) => entry.id === spec.id);
    const values = time === null ? [] : input.live ? latestValuesAt(input.frame, spec.id, time) : valuesAt(input.frame, spec.id, time);
    const names = series?.lines.map((line) => line.name) ?? [];
    return {
      id: spec.id,
      label: indicatorLabel(spec),
      colors: names.map((name, i) => lineColor(input.palette, position, i, spec.kind, name)),
      values: values.map((value) => (value === null ? '—' : formatIndicatorValue(value, input.decimals))),
    };
  });
}

/** Prices keep the chart's decimals; large values (OBV) are abbreviated. */
function formatIndicatorValue(value: number, decimals: number): string {
  return Math.abs(value) >= 1e5 ? formatVolume(value) : value.toFixed(Math.max(2, decimals));
}
