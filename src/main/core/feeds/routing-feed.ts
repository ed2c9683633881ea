import type { FeedState, FeedSource } from '@shared/dto/system';
import type { FeedEvent, MarketFeed } from '../ports/market-feed';
import { FeedEmitter } from './feed-emitter';

export interface FeedRoute {
  feed: MarketFeed;
  /** Which symbols this feed serves; the first matching route wins. */
  serves: (symbol: string) => boolean;
}

const STATE_RANK: Record<FeedState, number> = { down: 0, degraded: 1, connecting: 2, idle: 3, live: 4 };

/**
 * Several feeds behind one: each symbol is subscribed on the feed that serves it (SIM:
 * symbols on the simulator, real tickers on Polygon), events are merged, and the status is
 * the worst child's state with every child's label, so a dropped Polygon socket shows even
 * while the simulator runs.
 */
export class RoutingFeed implements MarketFeed {
  private readonly emitter = new FeedEmitter();
  private readonly statuses = new Map<MarketFeed, { state: FeedState; label: string }>();
  private readonly stops: (() => void)[] = [];

  constructor(private readonly routes: readonly FeedRoute[]) {
    if (routes.length === 0) throw new RangeError('RoutingFeed needs at least one route');
  }

  get source(): FeedSource {
    // The header names the data that is not simulated when there is any.
    return this.routes.find((route) => route.feed.source !== 'simulator')?.feed.source ?? this.routes[0]!.feed.source;
  }

  async start(): Promise<void> {
    for (const { feed } of this.routes) {
      this.stops.push(feed.onEvent((event) => this.relay(feed, event)));
    }
    await Promise.all(this.routes.map(({ feed }) => feed.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.routes.map(({ feed }) => feed.stop()));
    for (const stop of this.stops.splice(0)) stop();
  }

  subscribe(symbols: readonly string[]): void {
    for (const [feed, group] of this.group(symbols)) feed.subscribe(group);
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const [feed, group] of this.group(symbols)) feed.unsubscribe(group);
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }

  private group(symbols: readonly string[]): Map<MarketFeed, string[]> {
    const groups = new Map<MarketFeed, string[]>();
    for (const symbol of symbols) {
      const route = this.routes.find((candidate) => candidate.serves(symbol));
      if (!route) continue;
      const list = groups.get(route.feed) ?? [];
      list.push(symbol);
      groups.set(route.feed, list);
    }
    return groups;
  }

  private relay(feed: MarketFeed, event: FeedEvent): void {
    if (event.type !== 'status') return this.emitter.emit(event);
    this.statuses.set(feed, { state: event.state, label: event.label });
    const known = [...this.statuses.values()];
    const worst = known.reduce((a, b) => (STATE_RANK[b.state] < STATE_RANK[a.state] ? b : a));
    this.emitter.emit({ type: 'status', state: worst.state, label: known.map((s) => s.label).join(' · ') });
  }
}
