import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BarDto, BarUpdate, Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import type { ClockZone } from '@shared/dto/settings';
import { RpcError } from '@shared/client/rpc-error';
import { errorMessage, type EngineClient } from '../../store/engine-client';
import { BarBuffer } from './bar-buffer';
import { zoneOffset } from './chart-time';
import { PALETTES, type ChartPalette } from './chart-theme';
import type { ChartSurface } from './chart-surface';
import { LAZY_LOAD_THRESHOLD, PAGE_BARS, RETRY_MS } from './chart-config';
import { ChartIndicators } from './chart-indicators';
import { EMPTY_LEGEND, legendAt, type LegendModel } from './legend';
import { decimalsOf, guessDecimals } from './number-format';
import { markChart } from './perf-marks';
import { createStatusStore, type ChartStatus } from './chart-status';

export interface ChartView {
  symbol: string;
  timeframe: Timeframe;
  zone: ClockZone;
}

export interface ChartSessionOptions {
  /** Bars for the first paint (one page unless a bench asks for more). */
  initialBars?: number;
  pageBars?: number;
  /** Runs `run` before the next frame (legend updates); requestAnimationFrame in the app. */
  nextFrame?: (run: () => void) => void;
  /** Runs `run` after `ms`; returns a cancel function. */
  delay?: (run: () => void, ms: number) => () => void;
  /** Told whenever the loaded bars change (reset, page, new bar): the trade overlay places fills by them. */
  onBars?: (bars: BarBuffer, symbol: string) => void;
}

type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** Live bars kept while the first page is loading; older ones are dropped. */
const MAX_PENDING_LIVE = 5000;

const defaultDelay = (run: () => void, ms: number): (() => void) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/**
 * One chart's data, outside React: loads the latest page of bars for the shown symbol and
 * timeframe, prepends older pages when the view nears the left edge, routes live `md.bar`
 * updates straight to the surface, keeps indicators in step and feeds the legend. React
 * only tells it what to show and renders the small status and legend stores.
 */
export class ChartSession {
  readonly status: StoreApi<ChartStatus>;
  readonly legend: StoreApi<LegendModel> = createStore<LegendModel>()(() => EMPTY_LEGEND);
  private view: ChartView | null = null;
  private bars = new BarBuffer();
  private phase: Phase = 'idle';
  private token = 0;
  private hasMore = false;
  private loadingOlder = false;
  private lastFrom = Number.POSITIVE_INFINITY;
  private pendingLive: BarDto[] = [];
  private liveUpdates = 0;
  private crosshair: number | null = null;
  private decimals: number | null = null;
  private palette: ChartPalette = PALETTES.dark;
  private legendQueued = false;
  private cancelRetry: (() => void) | null = null;
  private readonly indicators: ChartIndicators;
  private readonly detach: (() => void)[];
  private readonly nextFrame: (run: () => void) => void;
  private readonly delay: (run: () => void, ms: number) => () => void;

  constructor(
    private readonly client: Pick<EngineClient, 'call'>,
    private readonly surface: ChartSurface,
    private readonly options: ChartSessionOptions = {},
  ) {
    this.nextFrame = options.nextFrame ?? ((run) => void Promise.resolve().then(run));
    this.delay = options.delay ?? defaultDelay;
    this.status = createStatusStore();
    this.indicators = new ChartIndicators(client, surface, {
      delay: this.delay,
      changed: () => this.invalidateLegend(),
      status: (indicators, indicatorError) => this.status.setState({ indicators, indicatorError }),
    });
    this.detach = [surface.onVisibleRange((from) => this.onVisibleRange(from)), surface.onCrosshair((index) => this.onCrosshair(index))];
  }

  /** Shows a symbol and timeframe in a clock zone; does nothing when that is already shown. */
  show(view: ChartView): void {
    const current = this.view;
    if (current && current.symbol === view.symbol && current.timeframe === view.timeframe && current.zone === view.zone) return;
    this.view = { ...view };
    this.reload();
  }

  /** Loads the shown symbol again from scratch (after a reconnect, or a retry). */
  reload(): void {
    const view = this.view;
    if (!view) return;
    const token = ++this.token;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.bars = new BarBuffer(zoneOffset(view.zone, view.timeframe));
    this.phase = 'loading';
    this.hasMore = false;
    this.loadingOlder = false;
    this.lastFrom = Number.POSITIVE_INFINITY;
    this.pendingLive = [];
    this.crosshair = null;
    this.decimals = null;
    this.indicators.reset({ symbol: view.symbol, timeframe: view.timeframe }, this.bars);
    this.surface.setFormat({ timeframe: view.timeframe, decimals: 2 });
    this.surface.setBars(this.bars, { kind: 'latest' });
    this.options.onBars?.(this.bars, view.symbol);
    this.status.setState({ state: 'loading', message: null, symbol: view.symbol, timeframe: view.timeframe });
    this.publishStats();
    this.invalidateLegend();
    void this.loadLatest(token, view);
    void this.loadInstrument(token, view.symbol);
  }

  setIndicators(specs: readonly IndicatorSpec[]): void {
    if (this.indicators.setSpecs(specs) && this.phase === 'ready') this.indicators.fetchAll();
    this.invalidateLegend();
  }

  setPalette(palette: ChartPalette): void {
    this.palette = palette;
    this.surface.setPalette(palette);
    this.invalidateLegend();
  }

  /** A pushed `md.bar`: drawn at once when it is for the shown symbol and timeframe. */
  receiveBar(update: BarUpdate): void {
    const view = this.view;
    if (!view || update.symbol !== view.symbol || update.timeframe !== view.timeframe) return;
    if (this.phase === 'loading') {
      this.pendingLive.push(update.bar);
      if (this.pendingLive.length > MAX_PENDING_LIVE) this.pendingLive.shift();
      return;
    }
    if (this.phase !== 'ready') return;
    const change = this.bars.apply(update.bar);
    if (change.kind === 'stale') return;
    this.surface.updateBar(this.bars, change.index, change.kind === 'historical');
    if (change.kind === 'append') this.options.onBars?.(this.bars, view.symbol);
    this.liveUpdates += 1;
    this.indicators.touched(update.bar.time);
    if (this.status.getState().state === 'empty') this.status.setState({ state: 'ready', message: null });
    this.publishStats();
    if (this.crosshair === null || this.crosshair === change.index) this.invalidateLegend();
  }

  dispose(): void {
    this.token += 1;
    this.cancelRetry?.();
    this.indicators.dispose();
    for (const off of this.detach) off();
  }

  private async loadLatest(token: number, view: ChartView): Promise<void> {
    const { symbol, timeframe } = view;
    const limit = this.options.initialBars ?? this.options.pageBars ?? PAGE_BARS;
    markChart('requested', { load: token, symbol, timeframe, bars: 0 });
    try {
      const series = await this.client.call('md.bars', { symbol, timeframe, limit });
      if (token !== this.token) return;
      markChart('received', { load: token, symbol, timeframe, bars: series.time.length });
      this.bars.reset(series);
      for (const bar of this.pendingLive.splice(0)) this.bars.apply(bar);
      this.hasMore = series.hasMore;
      this.phase = 'ready';
      this.surface.setFormat({ timeframe, decimals: this.priceDecimals() });
      this.surface.setBars(this.bars, { kind: 'latest' });
      this.options.onBars?.(this.bars, symbol);
      const painted = this.bars.length;
      this.surface.afterPaint(() => markChart('painted', { load: token, symbol, timeframe, bars: painted }));
      this.status.setState({ state: painted > 0 ? 'ready' : 'empty', message: null });
      this.publishStats();
      this.invalidateLegend();
      this.indicators.fetchAll();
    } catch (error) {
      if (token !== this.token) return;
      this.phase = 'error';
      this.status.setState({ state: 'error', message: errorMessage(error) });
      if (error instanceof RpcError && (error.code === 'UNAVAILABLE' || error.code === 'TIMEOUT')) {
        this.cancelRetry = this.delay(() => this.reload(), RETRY_MS);
      }
    }
  }

  /** Fetches older bars when the view nears the first loaded one. */
  private onVisibleRange(from: number): void {
    this.lastFrom = from;
    if (this.phase !== 'ready' || !this.hasMore || this.loadingOlder || from >= LAZY_LOAD_THRESHOLD) return;
    void this.loadOlder();
  }

  private async loadOlder(): Promise<void> {
    const view = this.view;
    const before = this.bars.firstTime;
    if (!view || before === undefined) return;
    const token = this.token;
    this.loadingOlder = true;
    this.publishStats();
    try {
      const series = await this.client.call('md.bars', { symbol: view.symbol, timeframe: view.timeframe, before, limit: this.options.pageBars ?? PAGE_BARS });
      if (token !== this.token) return;
      const added = this.bars.prepend(series);
      this.hasMore = series.hasMore && added > 0;
      if (added > 0) {
        if (this.crosshair !== null) this.crosshair += added;
        this.surface.setBars(this.bars, { kind: 'keep', shift: added });
        this.options.onBars?.(this.bars, view.symbol);
        this.indicators.fetchAll();
      }
    } catch (error) {
      if (token !== this.token) return;
      this.status.setState({ message: `Older bars: ${errorMessage(error)}` });
    } finally {
      if (token === this.token) {
        this.loadingOlder = false;
        this.publishStats();
      }
    }
    // Still near the edge (zoomed far out, or a short page): keep going.
    if (token === this.token && this.hasMore && this.lastFrom < LAZY_LOAD_THRESHOLD) void this.loadOlder();
  }

  private async loadInstrument(token: number, symbol: string): Promise<void> {
    try {
      const found = await this.client.call('md.instruments.search', { query: symbol, limit: 10 });
      const instrument = found.find((entry) => entry.symbol === symbol);
      if (token !== this.token || !instrument) return;
      this.decimals = decimalsOf(instrument.tickSize);
      if (this.view) this.surface.setFormat({ timeframe: this.view.timeframe, decimals: this.decimals });
      this.invalidateLegend();
    } catch {
      // The tick size only sharpens the price format; the guess from the prices stands.
    }
  }

  private onCrosshair(index: number | null): void {
    this.crosshair = index === null || this.bars.length === 0 ? null : Math.max(0, Math.min(this.bars.length - 1, index));
    this.invalidateLegend();
  }

  private priceDecimals(): number {
    return this.decimals ?? guessDecimals(this.bars.close[this.bars.length - 1] ?? 0);
  }

  /** Recomputes the legend once per frame however many changes arrive. */
  private invalidateLegend(): void {
    if (this.legendQueued) return;
    this.legendQueued = true;
    this.nextFrame(() => {
      this.legendQueued = false;
      const view = this.view;
      if (!view) return;
      this.legend.setState(
        legendAt({
          bars: this.bars,
          index: this.crosshair ?? this.bars.length - 1,
          live: this.crosshair === null,
          timeframe: view.timeframe,
          decimals: this.priceDecimals(),
          specs: this.indicators.specs,
          frame: this.indicators.frame,
          palette: this.palette,
        }),
        true,
      );
    });
  }

  private publishStats(): void {
    const bars = this.bars;
    this.status.setState({
      barCount: bars.length,
      firstTime: bars.firstTime ?? null,
      lastTime: bars.lastTime ?? null,
      lastClose: bars.close[bars.length - 1] ?? null,
      hasMore: this.hasMore,
      loadingOlder: this.loadingOlder,
      liveUpdates: this.liveUpdates,
    });
  }
}
