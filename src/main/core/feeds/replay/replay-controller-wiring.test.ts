import { describe, expect, it } from 'vitest';
import type { BarUpdate } from '@shared/dto/market-data';
import { FakeTime } from '../../../../../test/support/fake-time';
import { EventHub } from '../../events/event-hub';
import { FeedStatusBoard } from '../../feed/feed-status-board';
import type { Logger } from '../../ports/logger';
import type { FeedEvent, MarketFeed } from '../../ports/market-feed';
import { TradeAggregator } from '../../market-data/aggregation';
import { barHandlers } from '../../market-data/bar-handlers';
import { tradingDayOf } from '../../market-data/calendar';
import { MarketDataService } from '../../market-data/market-data-service';
import { indicatorHandlers } from '../../indicators/indicator-handlers';
import { FeedEmitter } from '../feed-emitter';
import { RoutingFeed } from '../routing-feed';
import { ReplayController } from './replay-controller';
import { MemoryMarketStore, testBar } from './replay-controller-test-store';

const T0 = Date.UTC(2024, 5, 3, 13, 30);
const MIN = 60_000;

class QuietFeed implements MarketFeed {
  readonly source = 'simulator' as const;
  readonly emitter = new FeedEmitter();
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  subscribe(): void {}
  unsubscribe(): void {}
  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }
}

const silent: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent };

function setup() {
  const time = new FakeTime(1_000_000);
  const store = new MemoryMarketStore()
    .add('AAPL', '1m', Array.from({ length: 100 }, (_, n) => testBar(T0 + n * MIN, 100 + n)))
    .add('MSFT', '1m', Array.from({ length: 100 }, (_, n) => testBar(T0 + n * MIN, 300 + n)));
  const live = new QuietFeed();
  const routing = new RoutingFeed([{ feed: live, serves: () => true }]);
  const hub = new EventHub();
  const controller = new ReplayController({ clock: time, scheduler: time, store, instruments: store, router: routing, publish: (s) => hub.publish('md.replay.status', s) });
  const clip = (symbol: string) => controller.clipTime(symbol);
  return { time, store, live, routing, hub, controller, bars: barHandlers(store, clip)['md.bars'], indicators: indicatorHandlers(store, clip)['md.indicators'] };
}

describe('a replay seen through md.bars, md.indicators and the live service', () => {
  it('clips the replayed symbol\'s bars and indicators to bars closed by the replay clock, and lifts the clip on stop', async () => {
    const { time, controller, bars, indicators } = setup();
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0 + 30 * MIN, speed: 60 });
    time.advance(2500); // replay clock T0+32.5m: the bars opened at T0+30m and T0+31m have played
    const clipped = await bars({ symbol: 'AAPL', timeframe: '1m' });
    expect([clipped.time.length, clipped.time.at(-1), clipped.close.at(-1)]).toEqual([32, T0 + 31 * MIN, 131]);
    // `before` still applies inside the clip; other symbols are untouched.
    expect((await bars({ symbol: 'AAPL', timeframe: '1m', before: T0 + 10 * MIN })).time.at(-1)).toBe(T0 + 9 * MIN);
    expect((await bars({ symbol: 'MSFT', timeframe: '1m' })).time).toHaveLength(100);

    const sma = await indicators({ symbol: 'AAPL', timeframe: '1m', indicators: [{ id: 's', kind: 'sma', period: 2 }] });
    expect(sma.time.at(-1)).toBe(T0 + 31 * MIN);
    expect(sma.series[0]!.lines[0]!.values.at(-1)).toBe(130.5); // (130 + 131) / 2

    controller.stop();
    expect((await bars({ symbol: 'AAPL', timeframe: '1m' })).time).toHaveLength(100);
  });

  it('relays replayed bars as md.bar and live ticks without storing them again', async () => {
    const { time, store, live, routing, hub, controller } = setup();
    const service = new MarketDataService({
      feed: routing,
      store,
      hub,
      clock: time,
      scheduler: time,
      logger: silent,
      feedStatus: new FeedStatusBoard(hub, time),
      tradingDayOf,
      replaying: (symbol) => controller.clipTime(symbol) !== null,
      createAggregator: (onFinal) => new TradeAggregator({ timeframes: ['1m'], onBar: (symbol, timeframe, bar, final) => final && onFinal(symbol, timeframe, bar) }),
    });
    const updates: BarUpdate[] = [];
    hub.subscribe('md.bar', (update) => updates.push(update));
    await service.start(['AAPL', 'MSFT']);
    await controller.start({ symbol: 'AAPL', timeframe: '1m', from: T0 + 90 * MIN, speed: 1000 });
    time.advance(1000); // ten bars at 60 ms each: all played
    // A bar from the live feed for another symbol is still stored.
    live.emitter.emit({ type: 'bar', symbol: 'MSFT', timeframe: '1m', bar: testBar(T0 + 100 * MIN, 400) });
    time.advance(1000);
    await service.stop();

    expect(updates.filter((u) => u.symbol === 'AAPL').map((u) => u.bar.close)).toEqual([190, 191, 192, 193, 194, 195, 196, 197, 198, 199]);
    expect(controller.status().state).toBe('finished');
    expect(store.writes).toEqual([{ symbol: 'MSFT', timeframe: '1m', count: 1 }]);
  });
});
