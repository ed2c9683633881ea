import type { TradingStore } from '../../store/trading/trading-store';
import type { BarBuffer } from './bar-buffer';
import { fillMarkers, orderLines, type MarkerFill, type OrderLine, type TradeMarker, type TradeOverlaySurface } from './trade-overlay';

const markersKey = (markers: readonly TradeMarker[]): string => markers.map((m) => `${m.id}@${m.time}`).join(' ');
const linesKey = (lines: readonly OrderLine[]): string => lines.map((l) => `${l.id}@${l.price}:${l.title}`).join(' ');

export interface TradeOverlayOptions {
  /** More fills to draw besides the account's (a backtest shown on the chart), and when they change. */
  extraFills?: { fills: () => readonly MarkerFill[]; subscribe: (onChange: () => void) => () => void };
  /** Told how many markers are drawn after each change (the chart mirrors it for tests). */
  onMarkers?: (count: number) => void;
}

/**
 * Keeps the chart's fills and working-order lines in step with the trading store, outside
 * React: the store's subscription redraws on a new fill or order change, the chart session
 * reports its bars (new symbol, new page, new bar) so markers land on loaded bars. Draws only
 * when what is shown actually changes.
 */
export class TradeOverlay {
  private symbol: string | null = null;
  private bars: BarBuffer | null = null;
  private shownMarkers = '';
  private shownLines = '';
  private readonly unsubscribe: () => void;
  private readonly unsubscribeExtra: () => void;

  constructor(
    private readonly store: TradingStore,
    private readonly surface: TradeOverlaySurface,
    private readonly options: TradeOverlayOptions = {},
  ) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.fills !== previous.fills) this.drawMarkers();
      if (state.orders !== previous.orders) this.drawLines();
    });
    this.unsubscribeExtra = options.extraFills?.subscribe(() => this.drawMarkers()) ?? (() => undefined);
  }

  /** The chart's bars changed: a new symbol or timeframe, a first or older page, a new bar. */
  barsChanged(bars: BarBuffer, symbol: string): void {
    const newSymbol = symbol !== this.symbol;
    this.symbol = symbol;
    this.bars = bars;
    this.drawMarkers();
    if (newSymbol) this.drawLines();
  }

  dispose(): void {
    this.unsubscribe();
    this.unsubscribeExtra();
  }

  private drawMarkers(): void {
    if (this.symbol === null || this.bars === null) return;
    const extra = this.options.extraFills?.fills() ?? [];
    const fills = extra.length > 0 ? [...this.store.getState().fills, ...extra] : this.store.getState().fills;
    const markers = fillMarkers(fills, this.symbol, this.bars);
    const key = markersKey(markers);
    if (key === this.shownMarkers) return;
    this.shownMarkers = key;
    this.surface.setTradeMarkers(markers);
    this.options.onMarkers?.(markers.length);
  }

  private drawLines(): void {
    if (this.symbol === null) return;
    const lines = orderLines(Object.values(this.store.getState().orders), this.symbol);
    const key = linesKey(lines);
    if (key === this.shownLines) return;
    this.shownLines = key;
    this.surface.setOrderLines(lines);
  }
}
