import type { Timeframe } from '@shared/dto/market-data';
import type { Bar } from '../../../core/market-data/types';
import type { Clock } from '../../../core/ports/clock';
import type { Logger } from '../../../core/ports/logger';
import type { FeedEvent, MarketFeed } from '../../../core/ports/market-feed';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import { mathRandom, type BackoffPolicy } from '../backoff';
import { fetchCompletedMinuteBars } from './backfill';
import { PolygonClusterClient, type ClusterSnapshot } from './cluster-client';
import type { PolygonConfig } from './config';
import { MinuteBarSequencer } from './minute-bar-sequencer';
import { PolygonRestClient } from './rest-client';
import { describeFeed } from './feed-status';
import { ALL_CHANNELS, CLUSTER_CHANNELS, clusterOf, toSocketSymbol, type ChannelKind, type PolygonCluster } from './symbols';

export interface PolygonFeedOptions {
  config: PolygonConfig;
  apiKey: string;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  random?: RandomSource;
  /** Default: trades, quotes, second and minute aggregates. */
  channels?: readonly ChannelKind[];
  /** For gap backfill; built from the config when omitted. */
  rest?: PolygonRestClient;
  reconnectBackoff?: BackoffPolicy;
  pingIntervalMs?: number;
}

export interface PolygonFeedStats {
  frames: number;
  connects: number;
  /** Connections after a cluster's first. */
  reconnects: number;
  malformed: number;
  gapBarsFetched: number;
  duplicateBars: number;
  gapFailures: number;
}

/**
 * Polygon's stocks and crypto sockets as one MarketFeed. Minute bars (AM/XA) go through a
 * sequencer, so after every reconnect the missed minutes are fetched from REST and the
 * stream of `bar` events has each minute exactly once, in order, as if nothing had dropped.
 */
export class PolygonFeed implements MarketFeed {
  readonly source = 'polygon' as const;
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly clusters = new Map<PolygonCluster, PolygonClusterClient>();
  private readonly snapshots = new Map<PolygonCluster, ClusterSnapshot>();
  private readonly symbols = new Set<string>();
  private readonly sequencer: MinuteBarSequencer;
  private readonly rest: PolygonRestClient;
  private readonly filling = new Set<PolygonCluster>();
  private readonly refill = new Set<PolygonCluster>();
  private readonly gapErrors = new Map<string, string>();
  private abort = new AbortController();
  private started = false;
  private lastStatus = '';
  private gapBarsFetched = 0;
  private gapFailures = 0;

  constructor(private readonly options: PolygonFeedOptions) {
    this.rest = options.rest ?? new PolygonRestClient({ baseUrl: options.config.restUrl, apiKey: options.apiKey, logger: options.logger.child('polygon-rest') });
    this.sequencer = new MinuteBarSequencer((symbol, bar) => this.publish({ type: 'bar', symbol, timeframe: '1m', bar }));
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.started = true;
    for (const client of this.clusters.values()) client.start();
    this.publishStatus();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.abort.abort();
    await Promise.all([...this.clusters.values()].map((client) => client.stop()));
    this.publishStatus();
  }

  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      if (this.symbols.has(symbol)) continue;
      const params = this.paramsFor(symbol);
      if (!params) {
        this.options.logger.warn('Not a symbol Polygon can stream', { symbol });
        continue;
      }
      this.symbols.add(symbol);
      this.sequencer.track(symbol, this.options.clock.now());
      this.cluster(clusterOf(symbol)).add(params);
    }
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      if (!this.symbols.delete(symbol)) continue;
      this.sequencer.forget(symbol);
      this.clusters.get(clusterOf(symbol))?.remove(this.paramsFor(symbol) ?? []);
    }
  }

  stats(): PolygonFeedStats {
    const total = { frames: 0, connects: 0, reconnects: 0, malformed: 0 };
    for (const client of this.clusters.values()) {
      total.frames += client.stats.frames;
      total.connects += client.stats.connects;
      total.reconnects += Math.max(0, client.stats.connects - 1);
      total.malformed += client.stats.malformed;
    }
    return { ...total, gapBarsFetched: this.gapBarsFetched, duplicateBars: this.sequencer.duplicates, gapFailures: this.gapFailures };
  }

  private paramsFor(symbol: string): string[] | null {
    const socketSymbol = toSocketSymbol(symbol);
    if (socketSymbol === null) return null;
    const names = CLUSTER_CHANNELS[clusterOf(symbol)];
    return (this.options.channels ?? ALL_CHANNELS).map((kind) => `${names[kind]}.${socketSymbol}`);
  }

  private cluster(cluster: PolygonCluster): PolygonClusterClient {
    let client = this.clusters.get(cluster);
    if (client) return client;
    client = new PolygonClusterClient({
      cluster,
      url: cluster === 'crypto' ? this.options.config.cryptoWsUrl : this.options.config.stocksWsUrl,
      apiKey: this.options.apiKey,
      clock: this.options.clock,
      scheduler: this.options.scheduler,
      random: this.options.random ?? mathRandom,
      logger: this.options.logger.child(`polygon-${cluster}`),
      backoff: this.options.reconnectBackoff,
      pingIntervalMs: this.options.pingIntervalMs,
      sink: {
        trade: (trade) => this.publish({ type: 'trade', trade }),
        quote: (quote) => this.publish({ type: 'quote', quote }),
        bar: (symbol, timeframe, bar) => this.onBar(symbol, timeframe, bar),
      },
      onChange: (snapshot) => {
        this.snapshots.set(cluster, snapshot);
        this.publishStatus();
      },
      onLive: () => void this.fillGaps(cluster),
    });
    this.clusters.set(cluster, client);
    if (this.started) client.start();
    return client;
  }

  private onBar(symbol: string, timeframe: Timeframe, bar: Bar): void {
    if (timeframe === '1m') this.sequencer.live(symbol, bar);
    else this.publish({ type: 'bar', symbol, timeframe, bar });
  }

  /**
   * After (re)connecting: hold the cluster's live minute bars, fetch every completed minute
   * since the last one emitted, then release both in order. A reconnect during the fetch
   * asks for another round before anything is released, so no second gap is skipped.
   */
  private async fillGaps(cluster: PolygonCluster): Promise<void> {
    if (this.filling.has(cluster)) {
      this.refill.add(cluster);
      return;
    }
    const symbols = [...this.symbols].filter((s) => clusterOf(s) === cluster);
    this.filling.add(cluster);
    for (const symbol of symbols) this.sequencer.hold(symbol);
    try {
      do {
        this.refill.delete(cluster);
        for (const symbol of symbols) await this.fillSymbol(symbol);
      } while (this.refill.has(cluster) && !this.abort.signal.aborted);
    } finally {
      this.filling.delete(cluster);
      for (const symbol of symbols) this.sequencer.release(symbol);
      this.publishStatus();
    }
  }

  private async fillSymbol(symbol: string): Promise<void> {
    const from = this.sequencer.nextExpected(symbol);
    if (from === null) return;
    try {
      const bars = await fetchCompletedMinuteBars(this.rest, symbol, from, this.options.clock.now(), this.abort.signal);
      this.gapBarsFetched += bars.length;
      this.sequencer.absorb(symbol, bars);
      if (this.gapErrors.delete(symbol)) this.publishStatus();
      if (bars.length > 0) this.options.logger.info('Filled a gap from REST', { symbol, bars: bars.length, from });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.gapFailures += 1;
      const message = error instanceof Error ? error.message : String(error);
      this.gapErrors.set(symbol, message);
      this.options.logger.error('Could not fill a gap from REST; those minutes stay missing', { symbol, from, error: message });
    }
  }

  private publishStatus(): void {
    const { state, label } = describeFeed([...this.snapshots.values()], this.gapErrors, this.filling.size > 0, this.started);
    const key = `${state}|${label}`;
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.publish({ type: 'status', state, label });
  }

  private publish(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
