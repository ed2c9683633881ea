import { describe, expect, it } from 'vitest';
import type { FeedSource } from '@shared/dto/system';
import type { FeedEvent, MarketFeed } from '../ports/market-feed';
import { FeedEmitter } from './feed-emitter';
import { RoutingFeed } from './routing-feed';

class RecordingFeed implements MarketFeed {
  readonly subscribed: string[] = [];
  readonly unsubscribed: string[] = [];
  readonly emitter = new FeedEmitter();
  constructor(readonly source: FeedSource) {}
  start = () => Promise.resolve();
  stop = () => Promise.resolve();
  subscribe(symbols: readonly string[]): void {
    this.subscribed.push(...symbols);
  }
  unsubscribe(symbols: readonly string[]): void {
    this.unsubscribed.push(...symbols);
  }
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

  it('hands a subscribed symbol to a route added at run time, and back when it is removed', () => {
    const { simulator, polygon, feed } = setup();
    feed.subscribe(['SIM:SPY', 'AAPL']);
    const replay = new RecordingFeed('replay');
    feed.addRoute({ feed: replay, serves: (s) => s === 'AAPL' });
    expect(polygon.unsubscribed).toEqual(['AAPL']);
    expect(replay.subscribed).toEqual(['AAPL']);
    expect(feed.source).toBe('replay');

    // While routed, the watch list's changes for AAPL go to the replay, not Polygon.
    feed.unsubscribe(['AAPL']);
    feed.subscribe(['AAPL', 'MSFT']);
    expect(replay.unsubscribed).toEqual(['AAPL']);
    expect(replay.subscribed).toEqual(['AAPL', 'AAPL']);
    expect(polygon.subscribed).toEqual(['AAPL', 'MSFT']);

    feed.removeRoute(replay);
    expect(replay.unsubscribed).toEqual(['AAPL', 'AAPL']);
    expect(polygon.subscribed).toEqual(['AAPL', 'MSFT', 'AAPL']);
    expect(simulator.subscribed).toEqual(['SIM:SPY']);
    expect(feed.source).toBe('polygon');
  });

  it('relays an added route\'s events until it is removed, then reports the others\' status alone', async () => {
    const { simulator, feed } = setup();
    const events: string[] = [];
    feed.onEvent((e) => events.push(e.type === 'status' ? `${e.state}: ${e.label}` : `${e.type}`));
    await feed.start();
    simulator.emitter.emit({ type: 'status', state: 'live', label: 'Simulated' });
    const replay = new RecordingFeed('replay');
    feed.addRoute({ feed: replay, serves: (s) => s === 'AAPL' });
    replay.emitter.emit({ type: 'status', state: 'idle', label: 'Replay paused' });
    replay.emitter.emit({ type: 'bar', symbol: 'AAPL', timeframe: '1d', bar: { time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1, vwap: null, trades: null } });
    feed.removeRoute(replay);
    replay.emitter.emit({ type: 'status', state: 'idle', label: 'Replay stopped' });
    expect(events).toEqual(['live: Simulated', 'idle: Simulated · Replay paused', 'bar', 'live: Simulated']);
  });

  it('refuses to route the same feed twice or to remove its last route', () => {
    const only = new RecordingFeed('simulator');
    const feed = new RoutingFeed([{ feed: only, serves: () => true }]);
    expect(() => feed.addRoute({ feed: only, serves: () => true })).toThrow(/routed already/);
    expect(() => feed.removeRoute(only)).toThrow(/at least one route/);
  });
});
