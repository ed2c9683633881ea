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
 * while the simulator runs. A route added at run time (a replay) takes its symbols over from
 * the feeds that served them, and gives them back when removed.
 */
export class RoutingFeed implements MarketFeed {
  private readonly emitter = new FeedEmitter();
  private readonly statuses = new Map<MarketFeed, { state: FeedState; label: string }>();
  private readonly detach = new Map<MarketFeed, () => void>();
  private readonly routes: FeedRoute[];
  /** Every symbol asked for, whether or not a route serves it yet. */
  private readonly subscribed = new Set<string>();

  constructor(routes: readonly FeedRoute[]) {
    if (routes.length === 0) throw new RangeError('RoutingFeed needs at least one route');
    this.routes = [...routes];
  }

  get source(): FeedSource {
    // The header names the data that is not simulated when there is any.
    return this.routes.find((route) => route.feed.source !== 'simulator')?.feed.source ?? this.routes[0]!.feed.source;
  }

  async start(): Promise<void> {
    for (const { feed } of this.routes) this.listen(feed);
    await Promise.all(this.routes.map(({ feed }) => feed.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.routes.map(({ feed }) => feed.stop()));
    for (const stop of this.detach.values()) stop();
    this.detach.clear();
  }

  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribed.add(symbol);
    for (const [feed, group] of this.group(symbols)) feed.subscribe(group);
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) this.subscribed.delete(symbol);
    for (const [feed, group] of this.group(symbols)) feed.unsubscribe(group);
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    return this.emitter.on(listener);
  }

  /**
   * Puts `route` first and relays its events. Subscribed symbols it serves move to it: their
   * previous feed unsubscribes them. Starting and stopping the added feed is the caller's job.
   */
  addRoute(route: FeedRoute): void {
    if (this.routes.some((existing) => existing.feed === route.feed)) throw new Error('This feed is routed already');
    this.reroute(() => this.routes.unshift(route));
    this.listen(route.feed);
  }

  /** Undoes `addRoute`: the feed's symbols go back to the routes that served them before. */
  removeRoute(feed: MarketFeed): void {
    const index = this.routes.findIndex((route) => route.feed === feed);
    if (index < 0) return;
    if (this.routes.length === 1) throw new RangeError('RoutingFeed needs at least one route');
    this.detach.get(feed)?.();
    this.detach.delete(feed);
    this.reroute(() => this.routes.splice(index, 1));
    if (this.statuses.delete(feed)) this.emitStatus();
  }

  /** Applies a change to the routes and moves each subscribed symbol whose feed changed. */
  private reroute(change: () => void): void {
    const before = new Map([...this.subscribed].map((symbol) => [symbol, this.owner(symbol)]));
    change();
    for (const [symbol, previous] of before) {
      const next = this.owner(symbol);
      if (next === previous) continue;
      previous?.unsubscribe([symbol]);
      next?.subscribe([symbol]);
    }
  }

  private owner(symbol: string): MarketFeed | undefined {
    return this.routes.find((route) => route.serves(symbol))?.feed;
  }

  private listen(feed: MarketFeed): void {
    if (!this.detach.has(feed)) this.detach.set(feed, feed.onEvent((event) => this.relay(feed, event)));
  }

  private group(symbols: readonly string[]): Map<MarketFeed, string[]> {
    const groups = new Map<MarketFeed, string[]>();
    for (const symbol of symbols) {
      const feed = this.owner(symbol);
      if (!feed) continue;
      const list = groups.get(feed) ?? [];
      list.push(symbol);
      groups.set(feed, list);
    }
    return groups;
  }

  private relay(feed: MarketFeed, event: FeedEvent): void {
    if (event.type !== 'status') return this.emitter.emit(event);
    this.statuses.set(feed, { state: event.state, label: event.label });
    this.emitStatus();
  }

  private emitStatus(): void {
    const known = [...this.statuses.values()];
    if (known.length === 0) return;
    const worst = known.reduce((a, b) => (STATE_RANK[b.state] < STATE_RANK[a.state] ? b : a));
    this.emitter.emit({ type: 'status', state: worst.state, label: known.map((s) => s.label).join(' · ') });
  }
}
