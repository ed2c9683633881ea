import {
  CandlestickSeries,
  ColorType,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  LineStyle,
  createChart,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type LogicalRange,
  type MouseEventParams,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { BarBuffer } from './bar-buffer';
import type { BarsView, ChartSurface } from './chart-surface';
import { candleAt, candleData, lineData, volumeAt, volumeData } from './chart-data';
import { formatBarTime, formatTickMark } from './chart-time';
import { PALETTES, lineColor, type ChartPalette } from './chart-theme';
import { indicatorInfo, isOverlay } from './indicator-catalog';
import type { IndicatorFrame, LineChange } from './indicator-frame';
import type { OrderLine, TradeMarker, TradeOverlaySurface } from './trade-overlay';
import { LwcTradeOverlay } from './trade-overlay-lwc';

type LineApi = ISeriesApi<'Line'> | ISeriesApi<'Histogram'>;

/** The series drawn for one indicator, with the chart time of each line's last point. */
interface IndicatorSeriesSet {
  spec: IndicatorSpec;
  position: number;
  names: string[];
  series: LineApi[];
  lastTime: number[];
  levels: IPriceLine[];
}

const SUB_PANE_STRETCH = 0.35;
/** Empty bars kept right of the last one. */
const RIGHT_OFFSET = 5;
const seconds = (time: Time): number => (typeof time === 'number' ? time : 0);

/**
 * ChartSurface over lightweight-charts: candles and volume on the price pane, indicators on top
 * or below, fills and working orders on the candles.
 */
export class LwcSurface implements ChartSurface, TradeOverlaySurface {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick'>;
  private readonly volume: ISeriesApi<'Histogram'>;
  private palette: ChartPalette = PALETTES.dark;
  private bars: BarBuffer | null = null;
  private indicators: IndicatorSeriesSet[] = [];
  private readonly trades: LwcTradeOverlay;

  constructor(container: HTMLElement) {
    this.chart = createChart(container, {
      autoSize: true,
      // The logo needs an inline <style>, which the CSP refuses; the panel credits TradingView instead.
      layout: { attributionLogo: false, fontSize: 11, panes: { enableResize: true } },
      crosshair: { mode: CrosshairMode.Normal },
      timeScale: { rightOffset: RIGHT_OFFSET, minBarSpacing: 0.2 },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, { priceLineVisible: true });
    this.candles.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.24 } });
    this.volume = this.chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    this.trades = new LwcTradeOverlay(this.candles, this.palette);
    this.setPalette(this.palette);
  }

  setBars(bars: BarBuffer, view: BarsView): void {
    this.bars = bars;
    this.candles.setData(candleData(bars));
    this.volume.setData(volumeData(bars, this.palette));
    // Prepending keeps the view by itself: the chart holds its distance from the last bar.
    // (scrollToRealTime would animate, and the frames in between would ask for older bars.)
    if (view.kind === 'latest') this.chart.timeScale().scrollToPosition(RIGHT_OFFSET, false);
  }

  updateBar(bars: BarBuffer, index: number, historical: boolean): void {
    this.bars = bars;
    this.candles.update(candleAt(bars, index), historical);
    this.volume.update(volumeAt(bars, index, this.palette), historical);
  }

  setIndicatorSpecs(specs: readonly IndicatorSpec[]): void {
    for (const set of this.indicators) for (const series of set.series) this.chart.removeSeries(series);
    this.indicators = specs.map((spec, position) => ({ spec, position, names: [], series: [], lastTime: [], levels: [] }));
  }

  setIndicatorValues(frame: IndicatorFrame | null, bars: BarBuffer): void {
    for (const set of this.indicators) {
      const values = frame?.series.find((entry) => entry.id === set.spec.id);
      if (!frame || !values) {
        for (const series of set.series) series.setData([]);
        set.lastTime = set.lastTime.map(() => Number.NEGATIVE_INFINITY);
        continue;
      }
      values.lines.forEach((line, i) => {
        const series = this.lineSeries(set, i, line.name);
        const data = lineData(frame.time, line.values, bars);
        series.setData(data);
        const last = data[data.length - 1];
        set.lastTime[i] = last ? seconds(last.time) : Number.NEGATIVE_INFINITY;
      });
    }
  }

  updateIndicatorPoints(changes: readonly LineChange[], bars: BarBuffer): void {
    for (const change of changes) {
      const set = this.indicators.find((entry) => entry.spec.id === change.id);
      const series = set?.series[change.line];
      if (!set || !series) continue;
      for (const point of change.points) {
        const index = bars.indexOf(point.time);
        if (index < 0) continue;
        const time = (bars.chartTime[index] ?? 0) as UTCTimestamp;
        const last = set.lastTime[change.line] ?? Number.NEGATIVE_INFINITY;
        series.update(point.value === null ? { time } : { time, value: point.value }, time < last);
        set.lastTime[change.line] = Math.max(last, time);
      }
    }
  }

  setFormat({ timeframe, decimals }: { timeframe: Timeframe; decimals: number }): void {
    this.chart.applyOptions({
      localization: { timeFormatter: (time: Time) => formatBarTime(seconds(time), timeframe) },
      timeScale: {
        tickMarkFormatter: (time: Time, tickType: number) => formatTickMark(seconds(time), tickType),
        timeVisible: timeframe !== '1d',
        secondsVisible: timeframe === '1s',
      },
    });
    this.candles.applyOptions({ priceFormat: { type: 'price', precision: decimals, minMove: 10 ** -decimals } });
  }

  setPalette(palette: ChartPalette): void {
    this.palette = palette;
    this.chart.applyOptions({
      layout: { background: { type: ColorType.Solid, color: palette.background }, textColor: palette.text, panes: { separatorColor: palette.border } },
      grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
      crosshair: { vertLine: { color: palette.crosshair }, horzLine: { color: palette.crosshair } },
      timeScale: { borderColor: palette.border },
      rightPriceScale: { borderColor: palette.border },
    });
    this.candles.applyOptions({
      upColor: palette.up,
      downColor: palette.down,
      borderUpColor: palette.up,
      borderDownColor: palette.down,
      wickUpColor: palette.up,
      wickDownColor: palette.down,
    });
    if (this.bars) this.volume.setData(volumeData(this.bars, palette));
    for (const set of this.indicators) {
      set.series.forEach((series, i) => series.applyOptions({ color: lineColor(palette, set.position, i, set.spec.kind, set.names[i]) }));
      for (const level of set.levels) level.applyOptions({ color: palette.level });
    }
    this.trades.setPalette(palette);
  }

  setTradeMarkers(markers: readonly TradeMarker[]): void {
    this.trades.setMarkers(markers);
  }

  setOrderLines(lines: readonly OrderLine[]): void {
    this.trades.setLines(lines);
  }

  onVisibleRange(listener: (from: number) => void): () => void {
    const handler = (range: LogicalRange | null): void => {
      if (range) listener(range.from);
    };
    this.chart.timeScale().subscribeVisibleLogicalRangeChange(handler);
    return () => this.chart.timeScale().unsubscribeVisibleLogicalRangeChange(handler);
  }

  onCrosshair(listener: (index: number | null) => void): () => void {
    const handler = (param: MouseEventParams<Time>): void => {
      listener(param.point && param.logical !== undefined ? Math.round(param.logical) : null);
    };
    this.chart.subscribeCrosshairMove(handler);
    return () => this.chart.unsubscribeCrosshairMove(handler);
  }

  afterPaint(run: () => void): void {
    // The chart draws in its own animation frame, requested when the data changed; ours runs after it.
    requestAnimationFrame(() => run());
  }

  dispose(): void {
    this.chart.remove();
  }

  /** The series for line `i` of an indicator, created on first use (a new pane for oscillators). */
  private lineSeries(set: IndicatorSeriesSet, i: number, name: string): LineApi {
    const existing = set.series[i];
    if (existing) return existing;
    const pane = isOverlay(set.spec.kind) ? 0 : (set.series[0] ? this.paneOf(set.series[0]) : this.chart.panes().length);
    const color = lineColor(this.palette, set.position, i, set.spec.kind, name);
    const common = { color, priceLineVisible: false, lastValueVisible: !isOverlay(set.spec.kind) };
    const dashed = set.spec.kind === 'bollinger' && /mid|basis/i.test(name);
    const series: LineApi = /hist/i.test(name)
      ? this.chart.addSeries(HistogramSeries, common, pane)
      : this.chart.addSeries(
          LineSeries,
          { ...common, lineWidth: 1, crosshairMarkerVisible: false, lineStyle: dashed ? LineStyle.Dashed : LineStyle.Solid },
          pane,
        );
    if (pane > 0 && i === 0) this.chart.panes()[pane]?.setStretchFactor(SUB_PANE_STRETCH);
    if (i === 0) {
      const levels = indicatorInfo(set.spec.kind).levels ?? [];
      set.levels = levels.map((price) =>
        series.createPriceLine({ price, color: this.palette.level, lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: false, title: '' }),
      );
    }
    set.series[i] = series;
    set.names[i] = name;
    set.lastTime[i] = Number.NEGATIVE_INFINITY;
    return series;
  }

  private paneOf(series: LineApi): number {
    return this.chart.panes().findIndex((pane) => pane.getSeries().includes(series));
  }
}
