import { describe, expect, it } from 'vitest';
import type { BarSeries } from '@shared/dto/market-data';
import { FakeEngineClient } from '../../store/testing/fake-engine-client';
import { defaultReplayFrom, formatReplayClock, fromUtcInput, loadReplayDefaults, replayTimeframeOrder, toUtcInput } from './replay-defaults';

const DAY = 86_400_000;
const MON = Date.UTC(2024, 5, 3);

/** Four bars a day (14:30 to 20:00 UTC) on the given UTC dates. */
const sessionBars = (dates: number[]) => dates.flatMap((date) => [0, 1, 2, 3].map((n) => date + 14.5 * 3_600_000 + n * 110 * 60_000));

const series = (symbol: string, time: number[]): BarSeries => ({
  symbol,
  timeframe: '1d',
  time,
  open: time.map(() => 1),
  high: time.map(() => 1),
  low: time.map(() => 1),
  close: time.map(() => 1),
  volume: time.map(() => 1),
  hasMore: false,
});

describe('replay defaults', () => {
  it('starts five trading days before the newest bar, skipping the weekend, at that day\'s first bar', () => {
    // Mon 3 Jun to Mon 10 Jun 2024, no weekend: the newest date is Mon 10, five trading days back is Mon 3.
    const weekdays = [0, 1, 2, 3, 4, 7].map((n) => MON + n * DAY);
    expect(defaultReplayFrom(sessionBars(weekdays))).toBe(MON + 14.5 * 3_600_000);
    expect(defaultReplayFrom(weekdays)).toBe(MON);
    // Fewer dates than that: the oldest bar given.
    expect(defaultReplayFrom([MON + DAY, MON + 2 * DAY])).toBe(MON + DAY);
    expect(defaultReplayFrom([])).toBeNull();
  });

  it('tries the chart\'s timeframe first, then the finest stored, and never 1s', () => {
    expect(replayTimeframeOrder('1h')).toEqual(['1h', '1m', '5m', '15m', '1d']);
    expect(replayTimeframeOrder('1s')).toEqual(['1m', '5m', '15m', '1h', '1d']);
  });

  it('loads the defaults from the first timeframe with stored bars', async () => {
    const client = new FakeEngineClient().handle('md.bars', ({ symbol, timeframe }) =>
      series(symbol, timeframe === '1d' ? [0, 1, 2, 3, 4, 5, 6].map((n) => MON + n * DAY) : []),
    );
    expect(await loadReplayDefaults(client, 'AAPL', '5m')).toEqual({ timeframe: '1d', from: MON + DAY });
    expect(client.calls.map((c) => (c.params as { timeframe: string }).timeframe)).toEqual(['5m', '1m', '15m', '1h', '1d']);
  });

  it('reads and writes the form\'s UTC date-time and formats the replay clock', () => {
    expect(toUtcInput(Date.UTC(2017, 0, 3, 14, 30))).toBe('2017-01-03T14:30');
    expect(fromUtcInput('2017-01-03T14:30')).toBe(Date.UTC(2017, 0, 3, 14, 30));
    expect(fromUtcInput('2017-01-03T14:30:15')).toBe(Date.UTC(2017, 0, 3, 14, 30, 15));
    expect(fromUtcInput('')).toBeNull();
    expect(fromUtcInput('2017-13-45T99:99')).toBeNull();
    expect(formatReplayClock(Date.UTC(2017, 0, 3, 14, 31, 5))).toBe('2017-01-03 14:31:05 UTC');
  });
});
