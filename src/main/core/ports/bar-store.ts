import type { Instrument, Timeframe } from '@shared/dto/market-data';
import type { Bar, BarColumns } from '../market-data/types';

export interface BarRange {
  symbol: string;
  timeframe: Timeframe;
  /** Inclusive bounds on bar open time (UTC ms); open-ended when omitted. */
  from?: number;
  to?: number;
  /** At most this many bars: the latest ones in the range when `latest` is true. */
  limit?: number;
  latest?: boolean;
}

/** Bars per (symbol, timeframe). Upserts are idempotent: the same bar twice leaves one row. */
export interface BarStore {
  /** Writes all or nothing, in one transaction; returns how many rows were inserted or changed. */
  upsertBars(symbol: string, timeframe: Timeframe, bars: readonly Bar[]): number;
  /** Oldest first. */
  readBars(range: BarRange): BarColumns;
  /** Bar open times of the first and last stored bar, or null when none. */
  extent(symbol: string, timeframe: Timeframe): { first: number; last: number; count: number } | null;
  /**
   * Changes whenever the stored bars of these series may have changed (any writer); equal
   * versions mean equal bars. Writes to other series leave it (a live feed stores bars of its
   * own symbols every minute).
   */
  dataVersion?(symbols: readonly string[], timeframe: Timeframe): string;
}

export interface InstrumentStore {
  upsertInstruments(instruments: readonly Instrument[]): void;
  getInstrument(symbol: string): Instrument | null;
  /** Symbol prefix first, then name contains; active first. */
  searchInstruments(query: string, limit: number): Instrument[];
}
