import type { RandomSource } from '../../ports/random';
import type { Bar } from '../../market-data/types';
import { Gaussian, TRADE_SIZE_MEAN, TRADE_SIZE_SD, forkRandom, poisson, tradeSize } from './distributions';
import { MINUTE_MS, sessionActivity } from './ny-session';
import { DEFAULT_SIM_MODEL, SimMarket, initialMarketState, type SimMarketState, type SimModelConfig } from './sim-market';
import { roundToTick, tickDecimals, type SimInstrument } from './sim-instruments';

export interface MarketHistoryOptions {
  instruments: readonly SimInstrument[];
  random: RandomSource;
  /** History ends at the last whole minute at or before this instant (UTC ms). */
  endTime: number;
  /** Calendar days of one-minute bars, around the clock like the live simulator. */
  days: number;
  timeframe?: '1m';
  model?: Partial<SimModelConfig>;
}

export interface MarketHistory {
  /** One-minute bars per symbol, oldest first, the last one closing at `state.time`. */
  bars: Map<string, Bar[]>;
  /** Hand this to `SimulatorFeed` so the live market continues from the last close. */
  state: SimMarketState;
}

/** Price sub-steps per minute: enough for believable highs and lows, cheap for weeks of bars. */
const SUBSTEPS = 6;
/** Above this many trades in a minute the volume is drawn as a normal sum, not trade by trade. */
const EXACT_TRADES_LIMIT = 20;

/**
 * Recent one-minute history from the live simulator's model: the same factor, GARCH, gaps
 * and session volume profile, correlated across all `instruments` because they share one
 * market factor. Prices move on a separate random stream from volumes, as in the live feed.
 */
export function generateMarketHistory(options: MarketHistoryOptions): MarketHistory {
  const { instruments, random, days } = options;
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`days must be a positive integer, got ${days}`);
  const end = Math.floor(options.endTime / MINUTE_MS) * MINUTE_MS;
  const start = end - days * 1440 * MINUTE_MS;
  const pathRandom = forkRandom(random);
  const flowRandom = forkRandom(random);
  const flowGaussian = new Gaussian(flowRandom);
  const market = new SimMarket(instruments, pathRandom, initialMarketState(instruments, start), { ...DEFAULT_SIM_MODEL, ...options.model });
  const decimals = instruments.map((i) => tickDecimals(i.tickSize));
  const count = instruments.length;
  const round = (n: number, price: number): number => roundToTick(price, instruments[n]!.tickSize, decimals[n]!);
  const bars = instruments.map((): Bar[] => []);
  // Unrounded until the bar is done: rounding is monotonic, so round(max) = max(round).
  const open = new Float64Array(count);
  const high = new Float64Array(count);
  const low = new Float64Array(count);
  const sum = new Float64Array(count);

  for (let time = start; time < end; time += MINUTE_MS) {
    market.settle(); // the opening gap belongs to the bar that opens at 09:30
    for (let n = 0; n < count; n += 1) {
      open[n] = high[n] = low[n] = market.price(n);
      sum[n] = 0;
    }
    for (let step = 1; step <= SUBSTEPS; step += 1) {
      market.stepTo(time + (step * MINUTE_MS) / SUBSTEPS);
      for (let n = 0; n < count; n += 1) {
        const price = market.price(n);
        if (price > high[n]!) high[n] = price;
        if (price < low[n]!) low[n] = price;
        sum[n]! += price;
      }
    }
    const activity = sessionActivity(time + MINUTE_MS / 2);
    for (let n = 0; n < count; n += 1) {
      const trades = poisson(flowRandom, flowGaussian, instruments[n]!.tradesPerMinute * activity);
      bars[n]!.push({
        time,
        open: round(n, open[n]!),
        high: round(n, high[n]!),
        low: round(n, low[n]!),
        close: round(n, market.price(n)),
        volume: trades === 0 ? 0 : minuteVolume(flowRandom, flowGaussian, trades),
        vwap: trades === 0 ? null : sum[n]! / SUBSTEPS,
        trades,
      });
    }
  }
  return { bars: new Map(instruments.map((i, n) => [i.symbol, bars[n]!])), state: market.snapshot() };
}

export interface HistoryOptions extends Omit<MarketHistoryOptions, 'instruments'> {
  instrument: SimInstrument;
}

/**
 * One symbol's history. For several symbols prefer `generateMarketHistory`, which keeps them
 * correlated; to go live after this, start the simulator at the last bar's close.
 */
export function generateHistory(options: HistoryOptions): Bar[] {
  const { instrument, ...rest } = options;
  return generateMarketHistory({ ...rest, instruments: [instrument] }).bars.get(instrument.symbol) ?? [];
}

function minuteVolume(random: RandomSource, gaussian: Gaussian, trades: number): number {
  if (trades <= EXACT_TRADES_LIMIT) {
    let volume = 0;
    for (let n = 0; n < trades; n += 1) volume += tradeSize(random);
    return volume;
  }
  const volume = trades * TRADE_SIZE_MEAN + Math.sqrt(trades) * TRADE_SIZE_SD * gaussian.next();
  return Math.max(trades, Math.round(volume));
}
