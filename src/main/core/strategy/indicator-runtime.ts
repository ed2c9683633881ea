import { BollingerStream } from '../indicators/bollinger';
import { EmaStream } from '../indicators/ema';
import { RsiStream } from '../indicators/rsi';
import { SmaStream } from '../indicators/sma';
import type { BandsHandle, IndicatorApi, IndicatorHandle } from './strategy-api';

/** The bar fields the indicators read. */
export interface IndicatorBar {
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/**
 * The IndicatorApi behind every runtime (backtest, paper, live): handles are plain objects
 * whose fields the runtime overwrites on each finished bar of their symbol, before the
 * strategy's onBar, so reading one is a field load. Asking twice for the same indicator
 * returns the same handle. Values are NaN while an indicator warms up.
 */
export interface IndicatorRuntime {
  readonly api: IndicatorApi;
  /** Advances every indicator of `symbol` with a finished bar. */
  onBar(symbol: string, bar: IndicatorBar): void;
}

interface Updater {
  update(bar: IndicatorBar): void;
}

class ValueHandle implements IndicatorHandle {
  value = Number.NaN;
}

class Bands implements BandsHandle {
  upper = Number.NaN;
  middle = Number.NaN;
  lower = Number.NaN;
}

/** An SMA, EMA or RSI of closes. */
class CloseIndicator implements Updater {
  readonly handle = new ValueHandle();
  constructor(private readonly stream: { update(value: number): number }) {}
  update(bar: IndicatorBar): void {
    this.handle.value = this.stream.update(bar.close);
  }
}

class BollingerIndicator implements Updater {
  readonly handle = new Bands();
  private readonly stream: BollingerStream;
  constructor(period: number, deviations: number) {
    this.stream = new BollingerStream(period, deviations);
  }
  update(bar: IndicatorBar): void {
    const middle = this.stream.update(bar.close);
    this.handle.middle = middle;
    this.handle.upper = Number.isNaN(middle) ? Number.NaN : this.stream.upper;
    this.handle.lower = Number.isNaN(middle) ? Number.NaN : this.stream.lower;
  }
}

/**
 * Donchian channel of the `period` bars BEFORE the current one (so a close can break it):
 * the bands are set from the window, then the current bar joins it. O(period) per bar.
 */
class DonchianIndicator implements Updater {
  readonly handle = new Bands();
  private readonly highs: Float64Array;
  private readonly lows: Float64Array;
  private count = 0;
  constructor(private readonly period: number) {
    if (!Number.isInteger(period) || period < 1) throw new RangeError(`donchian: period must be an integer ≥ 1, got ${period}`);
    this.highs = new Float64Array(period);
    this.lows = new Float64Array(period);
  }
  update(bar: IndicatorBar): void {
    const n = this.period;
    if (this.count >= n) {
      let upper = -Infinity;
      let lower = Infinity;
      for (let i = 0; i < n; i += 1) {
        if (this.highs[i]! > upper) upper = this.highs[i]!;
        if (this.lows[i]! < lower) lower = this.lows[i]!;
      }
      this.handle.upper = upper;
      this.handle.lower = lower;
      this.handle.middle = (upper + lower) / 2;
    }
    const slot = this.count % n;
    this.highs[slot] = bar.high;
    this.lows[slot] = bar.low;
    this.count += 1;
  }
}

type Registered = Updater & { handle: IndicatorHandle | BandsHandle };

/** A class, not closures: every runtime shares its hidden class and methods (optimised code survives from one backtest to the next). */
class Runtime implements IndicatorRuntime, IndicatorApi {
  private readonly bySymbol = new Map<string, Updater[]>();
  private readonly byKey = new Map<string, Registered>();
  private lastSymbol = '';
  private lastList: Updater[] | undefined = undefined;

  /** What strategies get: the IndicatorApi alone (not onBar). */
  readonly api: IndicatorApi = new IndicatorFacade(this);

  sma(symbol: string, period: number): IndicatorHandle {
    return this.register(symbol, `sma:${period}`, () => new CloseIndicator(new SmaStream(period)));
  }
  ema(symbol: string, period: number): IndicatorHandle {
    return this.register(symbol, `ema:${period}`, () => new CloseIndicator(new EmaStream(period)));
  }
  rsi(symbol: string, period: number): IndicatorHandle {
    return this.register(symbol, `rsi:${period}`, () => new CloseIndicator(new RsiStream(period)));
  }
  bollinger(symbol: string, period: number, deviations: number): BandsHandle {
    return this.register(symbol, `bollinger:${period}:${deviations}`, () => new BollingerIndicator(period, deviations));
  }
  donchian(symbol: string, period: number): BandsHandle {
    return this.register(symbol, `donchian:${period}`, () => new DonchianIndicator(period));
  }

  onBar(symbol: string, bar: IndicatorBar): void {
    if (symbol !== this.lastSymbol) {
      this.lastSymbol = symbol;
      this.lastList = this.bySymbol.get(symbol);
    }
    const list = this.lastList;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i += 1) list[i]!.update(bar);
  }

  private register<T extends Registered>(symbol: string, key: string, make: () => T): T['handle'] {
    const known = this.byKey.get(`${symbol}\u0000${key}`);
    if (known) return known.handle;
    const made = make();
    this.byKey.set(`${symbol}\u0000${key}`, made);
    const list = this.bySymbol.get(symbol) ?? [];
    list.push(made);
    this.bySymbol.set(symbol, list);
    this.lastSymbol = '';
    return made.handle;
  }
}

/** The runtime's IndicatorApi, with the runtime in a #private field (a strategy cannot advance indicators). */
class IndicatorFacade implements IndicatorApi {
  readonly #runtime: IndicatorApi;
  constructor(runtime: IndicatorApi) {
    this.#runtime = runtime;
  }
  sma(symbol: string, period: number): IndicatorHandle {
    return this.#runtime.sma(symbol, period);
  }
  ema(symbol: string, period: number): IndicatorHandle {
    return this.#runtime.ema(symbol, period);
  }
  rsi(symbol: string, period: number): IndicatorHandle {
    return this.#runtime.rsi(symbol, period);
  }
  bollinger(symbol: string, period: number, deviations: number): BandsHandle {
    return this.#runtime.bollinger(symbol, period, deviations);
  }
  donchian(symbol: string, period: number): BandsHandle {
    return this.#runtime.donchian(symbol, period);
  }
}

export function createIndicatorRuntime(): IndicatorRuntime {
  return new Runtime();
}
