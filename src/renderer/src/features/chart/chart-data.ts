import type { CandlestickData, HistogramData, LineData, UTCTimestamp, WhitespaceData } from 'lightweight-charts';
import type { BarBuffer } from './bar-buffer';
import type { ChartPalette } from './chart-theme';

/** Conversions from the columnar buffer to lightweight-charts rows (type imports only: no DOM). */

type Time = UTCTimestamp;
export type LinePoint = LineData<Time> | WhitespaceData<Time>;

const at = (values: readonly number[], index: number): number => values[index] ?? Number.NaN;

export function candleAt(bars: BarBuffer, index: number): CandlestickData<Time> {
  return {
    time: at(bars.chartTime, index) as Time,
    open: at(bars.open, index),
    high: at(bars.high, index),
    low: at(bars.low, index),
    close: at(bars.close, index),
  };
}

export function volumeAt(bars: BarBuffer, index: number, palette: ChartPalette): HistogramData<Time> {
  const rising = at(bars.close, index) >= at(bars.open, index);
  return { time: at(bars.chartTime, index) as Time, value: at(bars.volume, index), color: rising ? palette.volumeUp : palette.volumeDown };
}

export function candleData(bars: BarBuffer): CandlestickData<Time>[] {
  const rows = new Array<CandlestickData<Time>>(bars.length);
  for (let i = 0; i < bars.length; i += 1) rows[i] = candleAt(bars, i);
  return rows;
}

export function volumeData(bars: BarBuffer, palette: ChartPalette): HistogramData<Time>[] {
  const rows = new Array<HistogramData<Time>>(bars.length);
  for (let i = 0; i < bars.length; i += 1) rows[i] = volumeAt(bars, i, palette);
  return rows;
}

/**
 * One indicator line on the chart's time axis: values at times the buffer holds (both are
 * sorted, so one merge pass), null as whitespace so warm-up leaves a gap.
 */
export function lineData(times: readonly number[], values: readonly (number | null)[], bars: BarBuffer): LinePoint[] {
  const rows: LinePoint[] = [];
  let j = 0;
  for (let i = 0; i < times.length; i += 1) {
    const time = times[i] ?? Number.NaN;
    while (j < bars.length && at(bars.time, j) < time) j += 1;
    if (j >= bars.length) break;
    if (at(bars.time, j) !== time) continue;
    const chartTime = at(bars.chartTime, j) as Time;
    const value = values[i];
    rows.push(value === null || value === undefined ? { time: chartTime } : { time: chartTime, value });
  }
  return rows;
}
