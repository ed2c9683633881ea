import { REPLAY_TIMEFRAMES, type ReplayTimeframe } from '@shared/dto/replay';
import type { Timeframe } from '@shared/dto/market-data';
import type { EngineClient } from '../../store/engine-client';

/** The speeds the bar offers (multiples of the original pace). */
export const REPLAY_SPEEDS = [1, 10, 60, 100, 1000] as const;

/** How far back the form starts by default, in trading days before the newest stored bar. */
export const DEFAULT_REPLAY_DAYS = 5;

/** Enough bars of each timeframe to span the default days (24 h markets included, roughly). */
const BARS_FOR_DAYS: Record<ReplayTimeframe, number> = { '1m': 10_000, '5m': 2_000, '15m': 700, '1h': 200, '1d': DEFAULT_REPLAY_DAYS + 1 };

/**
 * The start `days` trading days before the newest bar: the first bar of the UTC date that many
 * distinct dates back, or the oldest bar given when there are fewer dates. Null for no bars.
 */
export function defaultReplayFrom(times: readonly number[], days = DEFAULT_REPLAY_DAYS): number | null {
  let datesSeen = 0;
  let current: number | null = null;
  let firstOfCurrent: number | null = null;
  for (let i = times.length - 1; i >= 0; i -= 1) {
    const time = times[i]!;
    const date = Math.floor(time / 86_400_000);
    if (date !== current) {
      if (datesSeen === days + 1) break;
      current = date;
      datesSeen += 1;
    }
    firstOfCurrent = time;
  }
  return firstOfCurrent;
}

/** The chart's timeframe first when a replay can play it, then the finest to the coarsest. */
export function replayTimeframeOrder(chart: Timeframe): ReplayTimeframe[] {
  const preferred = REPLAY_TIMEFRAMES.find((timeframe) => timeframe === chart);
  return preferred ? [preferred, ...REPLAY_TIMEFRAMES.filter((timeframe) => timeframe !== preferred)] : [...REPLAY_TIMEFRAMES];
}

/** The form's defaults: the first timeframe in that order with stored bars, and its start. */
export async function loadReplayDefaults(
  client: Pick<EngineClient, 'call'>,
  symbol: string,
  chart: Timeframe,
): Promise<{ timeframe: ReplayTimeframe; from: number } | null> {
  for (const timeframe of replayTimeframeOrder(chart)) {
    const series = await client.call('md.bars', { symbol, timeframe, limit: BARS_FOR_DAYS[timeframe] });
    const from = defaultReplayFrom(series.time);
    if (from !== null) return { timeframe, from };
  }
  return null;
}

/** `datetime-local` text for a UTC instant (the form works in UTC). */
export function toUtcInput(time: number): string {
  return new Date(time).toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value names in UTC, or null when it is not a date. */
export function fromUtcInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isFinite(time) ? time : null;
}

/** "2017-01-04 23:59:00 UTC": the instant itself, so a daily replay's clock reads as the close it reached. */
export function formatReplayClock(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
