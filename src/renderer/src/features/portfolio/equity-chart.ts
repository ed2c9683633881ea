import { AreaSeries, ColorType, createChart, type IChartApi, type ISeriesApi, type Time, type UTCTimestamp } from 'lightweight-charts';
import { formatBarTime, formatTickMark } from '../chart/chart-time';
import type { ChartPalette } from '../chart/chart-theme';
import type { EquityCurves, SeriesPoint } from './equity-series';

const DRAWDOWN_STRETCH = 0.4;
const seconds = (time: Time): number => (typeof time === 'number' ? time : 0);
const rows = (points: readonly SeriesPoint[]): { time: UTCTimestamp; value: number }[] =>
  points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value }));

/** The portfolio tab's chart: equity on top, drawdown % in a pane below, one time axis. */
export class EquityChart {
  private readonly chart: IChartApi;
  private readonly equity: ISeriesApi<'Area'>;
  private readonly drawdown: ISeriesApi<'Area'>;
  private shownCount = -1;

  constructor(container: HTMLElement) {
    this.chart = createChart(container, {
      autoSize: true,
      // The logo needs an inline <style>, which the CSP refuses (as on the main chart).
      layout: { attributionLogo: false, fontSize: 11 },
      localization: { timeFormatter: (time: Time) => formatBarTime(seconds(time), '1m') },
      timeScale: { timeVisible: true, tickMarkFormatter: (time: Time, tickType: number) => formatTickMark(seconds(time), tickType) },
    });
    this.equity = this.chart.addSeries(AreaSeries, { lineWidth: 2, priceFormat: { type: 'price', precision: 2, minMove: 0.01 } });
    this.drawdown = this.chart.addSeries(
      AreaSeries,
      { lineWidth: 1, priceFormat: { type: 'custom', formatter: (value: number) => `${value.toFixed(2)}%` }, invertFilledArea: true },
      1,
    );
    this.chart.panes()[1]?.setStretchFactor(DRAWDOWN_STRETCH);
  }

  setCurves(curves: EquityCurves): void {
    this.equity.setData(rows(curves.equity));
    this.drawdown.setData(rows(curves.drawdown));
    // Fit once data first appears (or the history was reset); later refreshes keep the user's zoom.
    if (curves.equity.length > 0 && this.shownCount <= 0) this.chart.timeScale().fitContent();
    this.shownCount = curves.equity.length;
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
    this.drawdown.applyOptions({ lineColor: palette.down, topColor: withAlpha(palette.down, 0.02), bottomColor: withAlpha(palette.down, 0.35) });
  }

  dispose(): void {
    this.chart.remove();
  }
}

/** "#3d8bfd" → "rgba(61, 139, 253, a)"; other colour forms pass through. */
function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(color);
  if (!match?.[1]) return color;
  const value = Number.parseInt(match[1], 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
