import { describe, expect, it } from 'vitest';
import type { FeedSource } from '@shared/dto/system';
import type { ReplayStatus } from '@shared/dto/replay';
import { FakeTime } from '../../../../../test/support/fake-time';
import { DomainError } from '../../api/domain-error';
import type { FeedEvent, MarketFeed } from '../../ports/market-feed';
import { FeedEmitter } from '../feed-emitter';
import { RoutingFeed } from '../routing-feed';
import { ReplayController } from './replay-controller';
import { MemoryMarketStore, testBar } from './replay-controller-test-store';

const T0 = Date.UTC(2024, 5, 3, 13, 30); // Monday 2024-06-03
const MIN = 60_000;
const DAY = 86_400_000;

/** The live feed the replay takes a symbol from. */
class LiveFeed implements MarketFeed {
  readonly source: FeedSource = 'polygon';
  readonly emitter = new FeedEmitter();
  readonly subscribed = new Set<string>();
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  subscribe(symbols: readonly string[]): void {
    for (const s of symbols) this.subscribed.add(s);
  }
  unsubscribe(symbols: readonly string[]): void {
    for (const s of symbols) this.subscribed.delete(s);
  }
  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }
}

async function setup() {
  const time = new FakeTime(1_000_000);
  // 100 one-minute bars from T0 (closes 100..199) and ten daily bars from 2024-06-03.
  const store = new MemoryMarketStore()
    .add('AAPL', '1m', Array.from({ length: 100 }, (_, n) => testBar(T0 + n * MIN, 100 + n)))
    .add('AAPL', '1d', Array.from({ length: 10 }, (_, n) => testBar(Date.UTC(2024, 5, 3) + n * DAY, 50 + n)));
  const live = new LiveFeed();
  const routing = new RoutingFeed([{ feed: live, serves: () => true }]);
  const statuses: ReplayStatus[] = [];
  const controller = new ReplayController({ clock: time, scheduler: time, store, instruments: store, router: routing, publish: (s) => statuses.push(s) });
  const played: string[] = [];
  routing.onEvent((e) => {
    if (e.type === 'bar') played.push(`${e.symbol} ${e.timeframe} ${e.bar.close}`);
  });
  await routing.start();
  routing.subscribe(['AAPL', 'MSFT']);
  return { time, store, live, controller, statuses, played };
}

async function rejection(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('ReplayController', () => {
  it('starts at the first stored bar at or after `from`, takes the symbol off its live feed and plays it', async () => {
    const { time, live, controller, played } = await setup();
    const status = await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0 + 10.5 * MIN, speed: 60 });
    expect(status).toEqual({ state: 'playing', symbol: 'AAPL', timeframe: '1m', speed: 60, replayTime: T0 + 11 * MIN, from: T0 + 11 * MIN, to: T0 + 99 * MIN, revision: 1 });
    expect([...live.subscribed]).toEqual(['MSFT']);
    expect(controller.clipTime('AAPL')).toBe(T0 + 11 * MIN);
    expect(controller.clipTime('MSFT')).toBeNull();

    // 60×: a wall second is a replayed minute; the bar opened at T0+11m closes at T0+12m.
    time.advance(999);
    expect(played).toEqual([]);
    time.advance(1);
    expect(played).toEqual(['AAPL 1m 111']);
    expect(controller.clipTime('AAPL')).toBe(T0 + 12 * MIN);
  });

  it('publishes the replay clock four times a second while playing, and not while paused', async () => {
    const { time, controller, statuses } = await setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0, speed: 10 });
    time.advance(1000);
    expect(statuses.map((s) => (s.replayTime! - T0) / 1000)).toEqual([0, 2.5, 5, 7.5, 10]);

    const paused = controller.pause();
    expect(paused).toMatchObject({ state: 'paused', replayTime: T0 + 10_000 });
    time.advance(60_000);
    expect(statuses).toHaveLength(6);
    expect(controller.clipTime('AAPL')).toBe(T0 + 10_000);
    expect(time.pending()).toBe(0);

    expect(controller.resume()).toMatchObject({ state: 'playing', replayTime: T0 + 10_000 });
    time.advance(500);
    expect(controller.status().replayTime).toBe(T0 + 15_000);
  });

  it('plays daily bars like minute bars: ten days at 1000× in 600 ms, then reports finished at the last close', async () => {
    const { time, controller, statuses, played } = await setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1d', from: Date.UTC(2024, 0, 1), speed: 1000 });
    time.advance(59);
    expect(played).toEqual([]);
    time.advance(1);
    expect(played).toEqual(['AAPL 1d 50']);
    time.advance(540);
    expect(played).toHaveLength(10);
    expect(statuses.at(-1)).toMatchObject({ state: 'finished', replayTime: Date.UTC(2024, 5, 13) });
    expect(controller.clipTime('AAPL')).toBe(Date.UTC(2024, 5, 13));
    expect(time.pending()).toBe(0);
  });

  it('seeks to the next stored bar, keeps paused, and past the end finishes', async () => {
    const { time, controller, played } = await setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0, speed: 60 });
    controller.pause();
    const sought = controller.seek(T0 + 50.5 * MIN);
    expect(sought).toMatchObject({ state: 'paused', replayTime: T0 + 51 * MIN, revision: 2 });
    controller.resume();
    time.advance(1000);
    expect(played).toEqual(['AAPL 1m 151']);

    expect(controller.seek(T0 + 500 * MIN)).toMatchObject({ state: 'finished', replayTime: T0 + 100 * MIN, revision: 3 });
    // A finished replay comes back to life on a seek into its range.
    expect(controller.seek(T0)).toMatchObject({ state: 'playing', replayTime: T0 });
  });

  it('stops: the symbol returns to its live feed, the clip lifts and no timer is left', async () => {
    const { time, live, controller } = await setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0, speed: 100 });
    time.advance(1000);
    const stopped = controller.stop();
    expect(stopped).toEqual({ state: 'idle', symbol: null, timeframe: null, speed: 100, replayTime: null, from: null, to: null, revision: 2 });
    expect([...live.subscribed].sort()).toEqual(['AAPL', 'MSFT']);
    expect(controller.clipTime('AAPL')).toBeNull();
    expect(time.pending()).toBe(0);
    // Stopping twice is harmless.
    expect(controller.stop().revision).toBe(2);
  });

  it('replaces a running replay with a new one', async () => {
    const { time, controller, played } = await setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0, speed: 60 });
    await controller.start({ symbol: 'AAPL', timeframe: '1d', from: Date.UTC(2024, 5, 12), speed: 1000 });
    time.advance(5000);
    expect(played).toEqual(['AAPL 1d 59']);
    expect(controller.status()).toMatchObject({ state: 'finished', timeframe: '1d', revision: 2 });
  });

  it('keeps the speed for the next replay when set while idle', async () => {
    const { controller } = await setup();
    expect(controller.setSpeed(250)).toMatchObject({ state: 'idle', speed: 250 });
    expect(await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0 })).toMatchObject({ speed: 250 });
  });

  it('refuses unknown symbols, missing bars and a start after the last bar as NOT_FOUND', async () => {
    const { controller } = await setup();
    const unknown = await rejection(() => controller.start({ symbol: 'ZZZ', timeframe: '1m', from: T0 }));
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', 'Unknown symbol ZZZ: import or fetch its bars first']);
    const noBars = await rejection(() => controller.start({ symbol: 'AAPL', timeframe: '5m', from: T0 }));
    expect([noBars.code, noBars.message]).toEqual(['NOT_FOUND', 'No stored 5m bars of AAPL to replay']);
    const late = await rejection(() => controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0 + DAY }));
    expect([late.code, late.message]).toEqual(['NOT_FOUND', 'No stored 1m bars of AAPL from 2024-06-04; the last is on 2024-06-03']);
    const idle = await rejection(() => controller.pause());
    expect([idle.code, idle.message]).toEqual(['CONFLICT', 'No replay is running']);
    expect(controller.status()).toMatchObject({ state: 'idle', revision: 0 });
  });
});
