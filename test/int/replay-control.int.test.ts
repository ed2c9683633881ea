import { describe, expect, it } from 'vitest';
import type { BarUpdate } from '@shared/dto/market-data';
import type { ReplayStatus } from '@shared/dto/replay';
import { RpcError } from '@shared/client/rpc-error';
import { inProcessClient, testEngine } from '../support/engine';
import { FakeTime } from '../support/fake-time';
import { AAPL_DAILY_CSV, sharedDataFile } from '../support/shared-data';

/** 3,379 daily AAPL bars from Yahoo Finance, 2004-08-19 to 2018-01-19. */

const ALL = 5000;

/** Lets the in-process transport deliver what the engine sent. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function setup() {
  const time = new FakeTime(Date.UTC(2024, 5, 4, 14, 0));
  const engine = await testEngine({ feed: 'live', seed: 7, clock: time, scheduler: time });
  const client = inProcessClient(engine);
  const imported = await client.call('md.import.commit', { source: { kind: 'path', path: sharedDataFile(AAPL_DAILY_CSV) }, symbol: 'AAPL', timeframe: '1d' });
  expect(imported).toMatchObject({ committed: true, rows: 3379 });
  const full = await client.call('md.bars', { symbol: 'AAPL', timeframe: '1d', limit: ALL });
  const bars: BarUpdate[] = [];
  const statuses: ReplayStatus[] = [];
  client.subscribe('md.bar', (update) => {
    if (update.symbol === 'AAPL') bars.push(update);
  });
  client.subscribe('md.replay.status', (status) => statuses.push(status));
  await settle();
  /** md.bars of AAPL as the chart asks for them. */
  const shown = () => client.call('md.bars', { symbol: 'AAPL', timeframe: '1d', limit: ALL });
  /** How many stored bars opened before `time`. */
  const before = (time: number) => full.time.filter((t) => t < time).length;
  return { time, client, full, bars, statuses, shown, before };
}

describe('replay control against a real engine', () => {
  it('plays stored AAPL bars live, clips md.bars to the replay clock, pauses, seeks and stops', async () => {
    const { time, client, full, bars, statuses, shown, before } = await setup();
    expect(full.time).toHaveLength(3379);

    const started = await client.call('md.replay.start', { symbol: 'AAPL', timeframe: '1d', from: Date.UTC(2017, 0, 1), speed: 1000 });
    const first = full.time.find((t) => t >= Date.UTC(2017, 0, 1))!;
    expect(started).toMatchObject({ state: 'playing', symbol: 'AAPL', timeframe: '1d', speed: 1000, from: first, to: full.time.at(-1), revision: 1 });
    // The chart's history ends where the replay starts.
    const atStart = await shown();
    expect(atStart.time).toHaveLength(before(first));
    expect(atStart.time.at(-1)).toBeLessThan(first);

    // A daily bar plays every 60 ms at 1000×: ten in 600 ms, each as a final md.bar.
    time.advance(600);
    await settle();
    const index = full.time.indexOf(first);
    expect(bars.map((b) => [b.bar.time, b.bar.close, b.final])).toEqual(full.time.slice(index, index + 10).map((t, n) => [t, full.close[index + n], true]));
    expect((await shown()).time).toHaveLength(before(first) + 10);

    // Pause freezes the replay clock and the history.
    const paused = await client.call('md.replay.pause', {});
    time.advance(5000);
    await settle();
    expect((await client.call('md.replay.status', {})).replayTime).toBe(paused.replayTime);
    expect(bars).toHaveLength(10);
    expect((await shown()).time).toHaveLength(before(first) + 10);
    expect(statuses.at(-1)).toMatchObject({ state: 'paused', replayTime: paused.replayTime });

    // Seek moves the clock to the next stored bar and the history with it.
    const target = full.time.find((t) => t >= Date.UTC(2018, 0, 2))!;
    const sought = await client.call('md.replay.seek', { time: Date.UTC(2018, 0, 2) });
    expect(sought).toMatchObject({ state: 'paused', replayTime: target, revision: 2 });
    expect((await shown()).time).toHaveLength(before(target));

    // Stop gives the full history back.
    expect(await client.call('md.replay.stop', {})).toMatchObject({ state: 'idle', symbol: null, revision: 3 });
    expect((await shown()).time).toEqual(full.time);
    await settle();
    expect(statuses.at(-1)).toMatchObject({ state: 'idle', revision: 3 });
  });

  it('refuses an unknown symbol and a symbol without stored bars with NOT_FOUND', async () => {
    const { client } = await setup();
    const refusal = (symbol: string) =>
      client.call('md.replay.start', { symbol, timeframe: '5m', from: 0 }).then(
        () => null,
        (error: unknown) => (error instanceof RpcError ? `${error.code}: ${error.message}` : String(error)),
      );
    expect(await refusal('NOPE')).toBe('NOT_FOUND: Unknown symbol NOPE: import or fetch its bars first');
    expect(await refusal('AAPL')).toBe('NOT_FOUND: No stored 5m bars of AAPL to replay');
    expect((await client.call('md.replay.status', {})).state).toBe('idle');
  });
});
