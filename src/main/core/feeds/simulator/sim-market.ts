import type { RandomSource } from '../../ports/random';
import { Gaussian } from './distributions';
import { MINUTE_MS, isSessionOpen } from './ny-session';
import type { SimInstrument } from './sim-instruments';

/**
 * The price model shared by the live simulator and generated history.
 *
 * Log returns: r_i = σ_i · (ρ_i · f + √(1 − ρ_i²) · e_i), where σ_i is the instrument's
 * per-minute volatility, f one market factor shared by every symbol and e_i the symbol's own
 * noise. f and each e_i are Gaussian with a GARCH(1,1) variance (long-run mean 1) updated once
 * a minute from that minute's shock, so calm and turbulent stretches cluster. A step of any
 * length draws N(0, variance · length in minutes), so a minute has the same distribution
 * whether it is walked in 240 live ticks or 6 history sub-steps.
 *
 * Volatility ignores the time of day (the market moves at the same pace 24/7); only trade
 * counts follow the session profile. At each regular-session open a symbol jumps with its
 * `gapProbability`, by 1–3 daily standard deviations either way; jumps bypass GARCH so one
 * gap does not leave an hour of extreme volatility behind it.
 */

export interface SimModelConfig {
  garchAlpha: number;
  garchBeta: number;
  /** A gap's size, uniform between these, in daily standard deviations of the symbol. */
  gapMinSigmas: number;
  gapMaxSigmas: number;
}

/**
 * α + β = 0.98 per minute: shocks fade with a half-life of about 35 minutes; α = 0.08 makes
 * squared one-minute returns about 0.2 autocorrelated (finite kurtosis: 3α² + 2αβ + β² < 1).
 */
export const DEFAULT_SIM_MODEL: SimModelConfig = { garchAlpha: 0.08, garchBeta: 0.9, gapMinSigmas: 1, gapMaxSigmas: 3 };

export interface SimSymbolState {
  symbol: string;
  logPrice: number;
  /** GARCH variance of the symbol's own noise, relative to its long-run level. */
  variance: number;
  /** Standardised noise accumulated since the last minute boundary. */
  shock: number;
}

/** Everything needed to continue a simulation: plain, JSON-safe data. */
export interface SimMarketState {
  /** The instant the state describes, UTC ms. */
  time: number;
  factorVariance: number;
  factorShock: number;
  /**
   * The last minute boundary already closed. A boundary equal to `time` stays open until the
   * model moves on or `settle()` runs, so a state handed over at 09:30:00 still holds the
   * 09:29 close and the opening gap happens on the receiving side.
   */
  closedMinute: number;
  symbols: SimSymbolState[];
}

const SESSION_MINUTES_PER_YEAR = 252 * 390;
/** After a longer pause (a sleeping laptop) the model skips ahead instead of replaying weeks. */
const MAX_CATCH_UP_MS = 7 * 86_400_000;
const MIN_VARIANCE = 0.05;
const MAX_VARIANCE = 25;

interface SymbolParams {
  minuteVol: number;
  dailyVol: number;
  factorLoading: number;
  noiseLoading: number;
  gapProbability: number;
}

export function initialMarketState(instruments: readonly SimInstrument[], time: number): SimMarketState {
  return {
    time,
    factorVariance: 1,
    factorShock: 0,
    closedMinute: Math.floor(time / MINUTE_MS) * MINUTE_MS,
    symbols: instruments.map((i) => ({ symbol: i.symbol, logPrice: Math.log(i.startPrice), variance: 1, shock: 0 })),
  };
}

export class SimMarket {
  private readonly gaussian: Gaussian;
  private readonly state: SimMarketState;
  private readonly params: SymbolParams[];

  constructor(
    instruments: readonly SimInstrument[],
    private readonly random: RandomSource,
    state: SimMarketState,
    private readonly config: SimModelConfig = DEFAULT_SIM_MODEL,
  ) {
    const alpha = config.garchAlpha;
    const beta = config.garchBeta;
    if (!(alpha >= 0 && beta >= 0 && alpha + beta < 1)) throw new RangeError('GARCH needs α, β ≥ 0 and α + β < 1');
    if (state.symbols.length !== instruments.length || instruments.some((i, n) => state.symbols[n]?.symbol !== i.symbol)) {
      throw new Error('Simulator state does not match its instruments');
    }
    for (const i of instruments) {
      if (!(i.startPrice > 0 && i.annualVol > 0 && Math.abs(i.marketCorrelation) <= 1)) throw new RangeError(`Bad simulator parameters for ${i.symbol}`);
    }
    this.gaussian = new Gaussian(random);
    this.state = cloneState(state);
    this.params = instruments.map((i) => ({
      minuteVol: i.annualVol / Math.sqrt(SESSION_MINUTES_PER_YEAR),
      dailyVol: i.annualVol / Math.sqrt(252),
      factorLoading: i.marketCorrelation,
      noiseLoading: Math.sqrt(1 - i.marketCorrelation ** 2),
      gapProbability: i.gapProbability,
    }));
  }

  get time(): number {
    return this.state.time;
  }

  /** The model's (unrounded) price of the instrument at `index`, in constructor order. */
  price(index: number): number {
    const symbol = this.state.symbols[index];
    if (!symbol) throw new RangeError(`No simulated instrument at ${index}`);
    return Math.exp(symbol.logPrice);
  }

  snapshot(): SimMarketState {
    return cloneState(this.state);
  }

  /** Moves every symbol to `time`, closing each minute (GARCH, session-open gaps) on the way. */
  stepTo(time: number): void {
    const state = this.state;
    if (time - state.time > MAX_CATCH_UP_MS) {
      state.time = Math.floor((time - MAX_CATCH_UP_MS) / MINUTE_MS) * MINUTE_MS;
      state.closedMinute = state.time;
      state.factorShock = 0;
      for (const symbol of state.symbols) symbol.shock = 0;
    }
    while (state.time < time) {
      this.settle();
      const boundary = (Math.floor(state.time / MINUTE_MS) + 1) * MINUTE_MS;
      const end = Math.min(time, boundary);
      this.move((end - state.time) / MINUTE_MS);
      state.time = end;
    }
  }

  /**
   * Closes the minute ending exactly now, if any: updates GARCH and applies an opening gap. Call
   * it before printing at a boundary, so a trade stamped 09:30:00.000 already carries the gap.
   */
  settle(): void {
    const state = this.state;
    if (state.time % MINUTE_MS !== 0 || state.closedMinute >= state.time) return;
    state.closedMinute = state.time;
    this.closeMinute(state.time);
  }

  private move(minutes: number): void {
    const state = this.state;
    const scale = Math.sqrt(minutes);
    const factor = Math.sqrt(state.factorVariance) * scale * this.gaussian.next();
    state.factorShock += factor;
    state.symbols.forEach((symbol, n) => {
      const p = this.params[n]!;
      const noise = Math.sqrt(symbol.variance) * scale * this.gaussian.next();
      symbol.shock += noise;
      symbol.logPrice += p.minuteVol * (p.factorLoading * factor + p.noiseLoading * noise);
    });
  }

  private closeMinute(boundary: number): void {
    const state = this.state;
    state.factorVariance = this.garch(state.factorVariance, state.factorShock);
    state.factorShock = 0;
    for (const symbol of state.symbols) {
      symbol.variance = this.garch(symbol.variance, symbol.shock);
      symbol.shock = 0;
    }
    if (isSessionOpen(boundary)) this.openingGaps();
  }

  private garch(variance: number, shock: number): number {
    const { garchAlpha: alpha, garchBeta: beta } = this.config;
    const next = 1 - alpha - beta + alpha * shock * shock + beta * variance;
    return Math.min(MAX_VARIANCE, Math.max(MIN_VARIANCE, next));
  }

  private openingGaps(): void {
    const { gapMinSigmas, gapMaxSigmas } = this.config;
    this.state.symbols.forEach((symbol, n) => {
      const p = this.params[n]!;
      if (this.random.next() >= p.gapProbability) return;
      const sigmas = gapMinSigmas + (gapMaxSigmas - gapMinSigmas) * this.random.next();
      const sign = this.random.next() < 0.5 ? -1 : 1;
      symbol.logPrice += sign * sigmas * p.dailyVol;
    });
  }
}

function cloneState(state: SimMarketState): SimMarketState {
  return { ...state, symbols: state.symbols.map((s) => ({ ...s })) };
}
