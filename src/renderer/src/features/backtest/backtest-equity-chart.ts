import { AreaSeries, ColorType, LineSeries, LineStyle, createChart, type IChartApi, type ISeriesApi, type Time, type UTCTimestamp } from 'lightweight-charts';
import type { Timeframe } from '@shared/dto/market-data';
import { formatBarTime, formatTickMark } from '../chart/chart-time';
import type { ChartPalette } from '../chart/chart-theme';
import type { SeriesPoint } from '../portfolio/equity-series';
import type { BacktestCurves } from './equity-view';

const DRAWDOWN_STRETCH = 0.4;
const seconds = (time: Time): number => (typeof time === 'number' ? time : 0);
const rows = (points: readonly SeriesPoint[]): { time: UTCTimestamp; value: number }[] =>
  points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value }));

/** "#3d8bfd" → "rgba(61, 139, 253, a)"; other colour forms pass through. */
function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  if (!match?.[1]) return color;
  const value = Number.parseInt(match[1], 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/**
 * A run's chart, as the portfolio tab draws the account's: equity (with the buy-and-hold
 * benchmark dashed) on top, drawdown % in a pane below, one time axis.
 */
export class BacktestEquityChart {
  private readonly chart: IChartApi;
  private readonly equity: ISeriesApi<'Area'>;
  private readonly benchmark: ISeriesApi<'Line'>;
  private readonly drawdown: ISeriesApi<'Area'>;

  constructor(container: HTMLElement) {
    this.chart = createChart(container, {
      autoSize: true,
      // The logo needs an inline <style>, which the CSP refuses (as on the main chart).
      layout: { attributionLogo: false, fontSize: 11 },
    });
    const money = { type: 'price', precision: 2, minMove: 0.01 } as const;
    this.equity = this.chart.addSeries(AreaSeries, { lineWidth: 2, priceFormat: money, title: 'Equity' });
    this.benchmark = this.chart.addSeries(LineSeries, { lineWidth: 1, lineStyle: LineStyle.Dashed, priceFormat: money, title: 'Benchmark', crosshairMarkerVisible: false });
    this.drawdown = this.chart.addSeries(
      AreaSeries,
      { lineWidth: 1, priceFormat: { type: 'custom', formatter: (value: number) => `${value.toFixed(2)}%` }, invertFilledArea: true },
      1,
    );
    this.chart.panes()[1]?.setStretchFactor(DRAWDOWN_STRETCH);
  }

  setCurves(curves: BacktestCurves, timeframe: Timeframe): void {
    this.chart.applyOptions({
      localization: { timeFormatter: (time: Time) => formatBarTime(seconds(time), timeframe) },
      timeScale: { timeVisible: timeframe !== '1d', tickMarkFormatter: (time: Time, tickType: number) => formatTickMark(seconds(time), tickType) },
    });
    this.equity.setData(rows(curves.equity));
    this.benchmark.setData(rows(curves.benchmark));
    this.drawdown.setData(rows(curves.drawdown));
    this.chart.timeScale().fitContent();
  }

  setPalette(palette: ChartPalette): void {
    const accent = palette.lines[0] ?? palette.up;
    this.chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: palette.background }, textColor: palette.text, panes: { separatorColor: palette.border } },
      grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
      timeScale: { borderColor: palette.border },
      rightPriceScale: { borderColor: palette.border },
    });
    this.equity.applyOptions({ lineColor: accent, topColor: withAlpha(accent, 0.35), bottomColor: withAlpha(accent, 0.02) });
    this.benchmark.applyOptions({ color: palette.text });
    this.drawdown.applyOptions({ lineColor: palette.down, topColor: withAlpha(palette.down, 0.02), bottomColor: withAlpha(palette.down, 0.35) });
  }

  dispose(): void {
    this.chart.remove();
  }
}
