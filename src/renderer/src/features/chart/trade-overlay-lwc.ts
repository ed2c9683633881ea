import {
  LineStyle,
  createSeriesMarkers,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type SeriesType,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { OrderSide } from '@shared/dto/trading';
import type { ChartPalette } from './chart-theme';
import type { OrderLine, TradeMarker } from './trade-overlay';

/** Fills as series markers and working orders as price lines, on the candle series. */
export class LwcTradeOverlay {
  private readonly plugin: ISeriesMarkersPluginApi<Time>;
  private readonly lines = new Map<string, IPriceLine>();
  private markers: readonly TradeMarker[] = [];
  private orderLines: readonly OrderLine[] = [];

  constructor(
    private readonly series: ISeriesApi<SeriesType>,
    private palette: ChartPalette,
  ) {
    this.plugin = createSeriesMarkers(series, []);
  }

  setMarkers(markers: readonly TradeMarker[]): void {
    this.markers = markers;
    this.plugin.setMarkers(
      markers.map(
        (marker): SeriesMarker<Time> => ({
          id: marker.id,
          time: marker.time as UTCTimestamp,
          position: marker.position,
          shape: marker.shape,
          color: this.color(marker.side),
          text: marker.text,
        }),
      ),
    );
  }

  /** Updates lines in place by order id, so a modified order's line moves instead of blinking. */
  setLines(lines: readonly OrderLine[]): void {
    this.orderLines = lines;
    const wanted = new Set(lines.map((line) => line.id));
    for (const [id, priceLine] of this.lines) {
      if (wanted.has(id)) continue;
      this.series.removePriceLine(priceLine);
      this.lines.delete(id);
    }
    for (const line of lines) {
      const options = { price: line.price, color: this.color(line.side), title: line.title };
      const existing = this.lines.get(line.id);
      if (existing) existing.applyOptions(options);
      else this.lines.set(line.id, this.series.createPriceLine({ ...options, id: line.id, lineWidth: 1, lineStyle: LineStyle.Dashed, axisLabelVisible: true }));
    }
  }

  setPalette(palette: ChartPalette): void {
    this.palette = palette;
    if (this.markers.length > 0) this.setMarkers(this.markers);
    if (this.orderLines.length > 0) this.setLines(this.orderLines);
  }

  private color(side: OrderSide): string {
    return side === 'buy' ? this.palette.up : this.palette.down;
  }
}
