import { z } from 'zod';
import { SymbolCode } from './market-data';

/** Timeframes a replay can play (1s bars are never stored). */
export const REPLAY_TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d'] as const;
export const ReplayTimeframe = z.enum(REPLAY_TIMEFRAMES);
export type ReplayTimeframe = z.infer<typeof ReplayTimeframe>;

/** Multiple of the original pace (the replay feed's range). */
export const ReplaySpeed = z.number().min(1).max(1000);

export const ReplayState = z.enum(['idle', 'playing', 'paused', 'finished']);
export type ReplayState = z.infer<typeof ReplayState>;

export const ReplayStart = z.strictObject({
  symbol: SymbolCode,
  timeframe: ReplayTimeframe,
  /** UTC ms: play from the first stored bar opening at or after it. */
  from: z.number().int(),
  speed: ReplaySpeed.optional(),
});
export type ReplayStart = z.infer<typeof ReplayStart>;

/** The one replay the engine runs, if any. Times are UTC ms of the original data. */
export const ReplayStatus = z.strictObject({
  state: ReplayState,
  symbol: SymbolCode.nullable(),
  timeframe: ReplayTimeframe.nullable(),
  speed: ReplaySpeed,
  /** The replay clock: history of `symbol` is shown up to here. */
  replayTime: z.number().nullable(),
  from: z.number().int().nullable(),
  /** Open time of the last stored bar played. */
  to: z.number().int().nullable(),
  /**
   * Bumped whenever the replayed history jumps rather than grows (start, seek, stop), so
   * charts of the symbol know to load their bars again.
   */
  revision: z.number().int().nonnegative(),
});
export type ReplayStatus = z.infer<typeof ReplayStatus>;
