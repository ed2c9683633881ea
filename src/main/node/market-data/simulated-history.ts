import type { Timeframe } from '@shared/dto/market-data';
import type { BarStore } from '../../core/ports/bar-store';
import type { RandomSource } from '../../core/ports/random';
import type { Bar } from '../../core/market-data/types';
import { aggregateBars } from '../../core/market-data/aggregation';
import { generateMarketHistory, type SimInstrument, type SimMarketState } from '../../core/feeds';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 5;
const ROLL_UPS: readonly Timeframe[] = ['5m', '15m', '1h', '1d'];

/**
 * Gives the simulator recent history so a first chart has candles at once. A fresh data
 * directory gets five days; a later start fills the time since the last stored bar (at most
 * five days), starting from the stored closes, so the market seems to have moved on while
 * Kestrel was closed. Bars are rolled up from 1m into every stored timeframe.
 */
export function prepareSimulatedHistory(options: {
  store: BarStore;
  instruments: readonly SimInstrument[];
  random: RandomSource;
  now: number;
}): { state: SimMarketState; written: number } {
  const { store, random, now } = options;
  const reference = options.instruments[0];
  if (!reference) throw new Error('The simulator needs instruments');
  const extent = store.extent(reference.symbol, '1m');
  const resume = extent !== null && now - extent.last < HISTORY_DAYS * DAY_MS;
  const instruments = resume ? options.instruments.map((i) => ({ ...i, startPrice: lastClose(store, i.symbol) ?? i.startPrice })) : options.instruments;
  const days = resume ? Math.max(1, Math.ceil((now - extent.last) / DAY_MS)) : HISTORY_DAYS;
  const history = generateMarketHistory({ instruments, random, endTime: now, days });

  let written = 0;
  for (const [symbol, generated] of history.bars) {
    const bars = resume ? generated.filter((bar) => bar.time > extent.last) : generated;
    if (bars.length === 0) continue;
    written += store.upsertBars(symbol, '1m', bars);
    for (const timeframe of ROLL_UPS) written += store.upsertBars(symbol, timeframe, rollUp(bars, timeframe));
  }
  return { state: history.state, written };
}

function rollUp(bars: readonly Bar[], timeframe: Timeframe): Bar[] {
  return aggregateBars(bars, '1m', timeframe);
}

function lastClose(store: BarStore, symbol: string): number | null {
  const last = store.readBars({ symbol, timeframe: '1m', limit: 1, latest: true });
  return last.length > 0 ? (last.close[0] ?? null) : null;
}
