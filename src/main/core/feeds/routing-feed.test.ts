import { describe, expect, it } from 'vitest';
import type { FeedSource } from '@shared/dto/system';
import type { FeedEvent, MarketFeed } from '../ports/market-feed';
import { FeedEmitter } from './feed-emitter';
import { RoutingFeed } from './routing-feed';

class RecordingFeed implements MarketFeed {
  readonly subscribed: string[] = [];
  readonly emitter = new FeedEmitter();
  constructor(readonly source: FeedSource) {}
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  subscribe(symbols: readonly string[]): void {
    this.subscribed.push(...symbols);
  }
  unsubscribe(): void {}
  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }
}

describe('RoutingFeed', () => {
  function setup() {
    const simulator = new RecordingFeed('simulator');
    const polygon = new RecordingFeed('polygon');
    const feed = new RoutingFeed([
      { feed: simulator, serves: (s) => s.startsWith('SIM:') },
      { feed: polygon, serves: () => true },
    ]);
    return { simulator, polygon, feed };
  }

  it('subscribes each symbol on the feed that serves it', () => {
    const { simulator, polygon, feed } = setup();
    feed.subscribe(['SIM:SPY', 'AAPL', 'SIM:QQQ', 'X:BTCUSD']);
    expect(simulator.subscribed).toEqual(['SIM:SPY', 'SIM:QQQ']);
    expect(polygon.subscribed).toEqual(['AAPL', 'X:BTCUSD']);
    expect(feed.source).toBe('polygon');
  });

  it('merges events and reports the worst status with every label', async () => {
    const { simulator, polygon, feed } = setup();
    const events: FeedEvent[] = [];
    feed.onEvent((event) => events.push(event));
    await feed.start();
    simulator.emitter.emit({ type: 'status', state: 'live', label: 'Simulated' });
    polygon.emitter.emit({ type: 'status', state: 'degraded', label: 'Polygon: reconnecting' });
    simulator.emitter.emit({ type: 'bar', symbol: 'SIM:SPY', timeframe: '1m', bar: { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1, vwap: null, trades: null } });
    expect(events.map((e) => (e.type === 'status' ? `${e.state}: ${e.label}` : e.type))).toEqual([
      'live: Simulated',
      'degraded: Simulated · Polygon: reconnecting',
      'bar',
    ]);
  });
});
