import type { Instrument, Timeframe } from '@shared/dto/market-data';
import type { BarRange, BarStore, InstrumentStore } from '../../ports/bar-store';
import type { Bar, BarColumns } from '../../market-data/types';

/** For the replay tests: a BarStore and InstrumentStore over arrays, recording every write. */
export class MemoryMarketStore implements BarStore, InstrumentStore {
  readonly writes: { symbol: string; timeframe: Timeframe; count: number }[] = [];
  private readonly bars = new Map<string, Bar[]>();
  private readonly instruments = new Map<string, Instrument>();

  add(symbol: string, timeframe: Timeframe, bars: readonly Bar[]): this {
    this.instruments.set(symbol, { symbol, name: symbol, assetClass: 'stock', exchange: '', currency: 'USD', tickSize: '0.01', lotSize: '1', active: true });
    this.bars.set(`${symbol}|${timeframe}`, [...(this.bars.get(`${symbol}|${timeframe}`) ?? []), ...bars].sort((a, b) => a.time - b.time));
    return this;
  }

  upsertBars(symbol: string, timeframe: Timeframe, bars: readonly Bar[]): number {
    this.writes.push({ symbol, timeframe, count: bars.length });
    this.add(symbol, timeframe, bars);
    return bars.length;
  }

  readBars(range: BarRange): BarColumns {
    const all = (this.bars.get(`${range.symbol}|${range.timeframe}`) ?? []).filter(
      (b) => b.time >= (range.from ?? -Infinity) && b.time <= (range.to ?? Infinity),
    );
    const rows = range.limit === undefined ? all : range.latest ? all.slice(-range.limit) : all.slice(0, range.limit);
    const column = (pick: (b: Bar) => number) => Float64Array.from(rows, pick);
    return { length: rows.length, time: column((b) => b.time), open: column((b) => b.open), high: column((b) => b.high), low: column((b) => b.low), close: column((b) => b.close), volume: column((b) => b.volume) };
  }

  extent(symbol: string, timeframe: Timeframe): { first: number; last: number; count: number } | null {
    const bars = this.bars.get(`${symbol}|${timeframe}`) ?? [];
    const first = bars[0];
    const last = bars.at(-1);
    return first && last ? { first: first.time, last: last.time, count: bars.length } : null;
  }

  upsertInstruments(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) this.instruments.set(instrument.symbol, instrument);
  }

  getInstrument(symbol: string): Instrument | null {
    return this.instruments.get(symbol) ?? null;
  }

  searchInstruments(query: string, limit: number): Instrument[] {
    return [...this.instruments.values()].filter((i) => i.symbol.startsWith(query)).slice(0, limit);
  }
}

/** A bar whose close is `close`, the rest around it. */
export function testBar(time: number, close: number): Bar {
  return { time, open: close, high: close + 1, low: close - 1, close, volume: 10, vwap: null, trades: null };
}
