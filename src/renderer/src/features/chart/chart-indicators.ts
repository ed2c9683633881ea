import type { Timeframe } from '@shared/dto/market-data';
import type { IndicatorSpec } from '@shared/dto/indicators';
import { errorMessage, type EngineClient } from '../../store/engine-client';
import type { BarBuffer } from './bar-buffer';
import type { ChartSurface } from './chart-surface';
import type { IndicatorState } from './chart-status';
import { INDICATOR_REFRESH_MS, INDICATOR_TAIL_BARS, MAX_BARS } from './chart-config';
import { mergeTail, type IndicatorFrame } from './indicator-frame';
import { sameIndicators } from './indicator-catalog';

interface Hooks {
  delay: (run: () => void, ms: number) => () => void;
  /** Values changed (the legend shows them). */
  changed: () => void;
  status: (state: IndicatorState, error: string | null) => void;
}

/**
 * The indicator lines of one chart. All values are fetched after the bars load and after each
 * older page; live bars only mark the edge dirty, and at most once per INDICATOR_REFRESH_MS
 * the latest bars are fetched again and the changed points applied with `series.update()`.
 */
export class ChartIndicators {
  specs: readonly IndicatorSpec[] = [];
  frame: IndicatorFrame | null = null;
  private key: { symbol: string; timeframe: Timeframe } | null = null;
  private bars: BarBuffer | null = null;
  private token = 0;
  private dirtyFrom: number | null = null;
  private tailBusy = false;
  /** A fetchAll is in flight. */
  private fetching = false;
  private cancelTail: (() => void) | null = null;

  constructor(
    private readonly client: Pick<EngineClient, 'call'>,
    private readonly surface: ChartSurface,
    private readonly hooks: Hooks,
  ) {}

  /** A new symbol, timeframe or zone: values are dropped until the next fetchAll. */
  reset(key: { symbol: string; timeframe: Timeframe }, bars: BarBuffer): void {
    this.key = key;
    this.bars = bars;
    this.drop();
    this.surface.setIndicatorValues(null, bars);
  }

  /** Returns true when the list changed (values must then be fetched). */
  setSpecs(specs: readonly IndicatorSpec[]): boolean {
    if (sameIndicators(specs, this.specs)) return false;
    this.specs = [...specs];
    this.drop();
    this.surface.setIndicatorSpecs(this.specs);
    return true;
  }

  /** Fetches every line over all loaded bars. */
  fetchAll(): void {
    const { key, bars } = this;
    if (!key || !bars || this.specs.length === 0 || bars.length === 0) return;
    const token = ++this.token;
    this.fetching = true;
    this.hooks.status('loading', null);
    const request = { ...key, limit: Math.min(bars.length, MAX_BARS), indicators: [...this.specs] };
    this.client.call('md.indicators', request).then(
      (result) => {
        if (token !== this.token) return;
        this.fetching = false;
        this.frame = { time: [...result.time], series: result.series };
        this.surface.setIndicatorValues(this.frame, bars);
        this.hooks.status('ready', null);
        this.hooks.changed();
        if (this.dirtyFrom !== null) this.scheduleTail();
      },
      (error: unknown) => {
        if (token !== this.token) return;
        this.fetching = false;
        this.hooks.status('error', errorMessage(error));
      },
    );
  }

  /** A live bar at `time` changed: its indicator values are refreshed soon. */
  touched(time: number): void {
    if (this.specs.length === 0) return;
    this.dirtyFrom = Math.min(this.dirtyFrom ?? time, time);
    this.scheduleTail();
  }

  dispose(): void {
    this.drop();
  }

  private drop(): void {
    this.token += 1;
    this.fetching = false;
    this.frame = null;
    this.dirtyFrom = null;
    this.cancelTail?.();
    this.cancelTail = null;
    this.hooks.status('idle', null);
  }

  private scheduleTail(): void {
    if (this.cancelTail || this.tailBusy) return;
    this.cancelTail = this.hooks.delay(() => {
      this.cancelTail = null;
      void this.refreshTail();
    }, INDICATOR_REFRESH_MS);
  }

  private async refreshTail(): Promise<void> {
    const { key, bars, frame, dirtyFrom } = this;
    if (!key || !bars || dirtyFrom === null) return;
    if (!frame) {
      // Nothing fetched yet (the chart started empty and live bars arrived): fetch it all.
      if (!this.fetching) this.fetchAll();
      return;
    }
    const token = this.token;
    this.dirtyFrom = null;
    this.tailBusy = true;
    try {
      const request = { ...key, limit: Math.min(bars.length, INDICATOR_TAIL_BARS), indicators: [...this.specs] };
      const tail = await this.client.call('md.indicators', request);
      if (token !== this.token || this.frame !== frame) return;
      // From the frame's last bar too: the engine stores a bar once it is finished, so the bar
      // that was live at the previous refresh appears only now.
      const from = Math.min(dirtyFrom, frame.time[frame.time.length - 1] ?? dirtyFrom);
      const changes = mergeTail(frame, { time: tail.time, series: tail.series }, from);
      this.surface.updateIndicatorPoints(changes, bars);
      if (changes.length > 0) this.hooks.changed();
    } catch {
      if (token === this.token) this.dirtyFrom = Math.min(this.dirtyFrom ?? dirtyFrom, dirtyFrom);
    } finally {
      this.tailBusy = false;
      if (token === this.token && this.dirtyFrom !== null) this.scheduleTail();
    }
  }
}
