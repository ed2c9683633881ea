import type { AlpacaSettings } from '@shared/dto/settings';
import type { Logger } from '../../../../core/ports/logger';
import type { FeedEvent, MarketFeed } from '../../../../core/ports/market-feed';
import type { RandomSource } from '../../../../core/ports/random';
import type { Scheduler } from '../../../../core/ports/scheduler';
import { mathRandom, type BackoffPolicy } from '../../backoff';
import { AlpacaDataStreamClient } from './data-stream-client';
import type { DataStreamStats, StreamSnapshot } from './stream-snapshot';
import { describeStream } from './feed-status';
import { ALL_DATA_CHANNELS, type DataChannel } from './subscription-book';

export type AlpacaDataFeedName = AlpacaSettings['dataFeed'];

/** What the feed needs to know about the account; see createAlpacaDataFeed. */
export interface AlpacaDataStreamConfig {
  /** Base URL without the path, e.g. wss://stream.data.alpaca.markets. */
  dataStreamUrl: string;
  feed: AlpacaDataFeedName;
  keyId: string;
  secret: string;
}

export interface AlpacaDataFeedTuning {
  /** Default: trades, quotes and minute bars. */
  channels?: readonly DataChannel[];
  reconnectBackoff?: BackoffPolicy;
  connectionLimitBackoff?: BackoffPolicy;
  handshakeTimeoutMs?: number;
  pingIntervalMs?: number;
  /** Failed tries in a row after which the status reads `down` (it keeps trying). Default 5. */
  downAfterAttempts?: number;
}

export interface AlpacaDataFeedOptions extends AlpacaDataStreamConfig, AlpacaDataFeedTuning {
  scheduler: Scheduler;
  logger: Logger;
  random?: RandomSource;
}

/** `${base}/v2/${feed}`, whatever slashes the base ends with. */
export function alpacaDataStreamUrl(base: string, feed: AlpacaDataFeedName): string {
  return `${base.replace(/\/+$/, '')}/v2/${feed}`;
}

/**
 * Alpaca's market data stream as a MarketFeed: trades, quotes and finished minute bars for the
 * subscribed symbols over the key's one connection, which reconnects and resubscribes by
 * itself and publishes its state as `status` events.
 */
export class AlpacaDataFeed implements MarketFeed {
  readonly source = 'alpaca' as const;
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly client: AlpacaDataStreamClient;
  private started = false;
  private lastStatus = '';

  constructor(private readonly options: AlpacaDataFeedOptions) {
    this.client = new AlpacaDataStreamClient({
      url: alpacaDataStreamUrl(options.dataStreamUrl, options.feed),
      feed: options.feed,
      keyId: options.keyId,
      secret: options.secret,
      channels: options.channels ?? ALL_DATA_CHANNELS,
      scheduler: options.scheduler,
      random: options.random ?? mathRandom,
      logger: options.logger,
      backoff: options.reconnectBackoff,
      connectionLimitBackoff: options.connectionLimitBackoff,
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      pingIntervalMs: options.pingIntervalMs,
      sink: {
        trade: (trade) => this.publish({ type: 'trade', trade }),
        quote: (quote) => this.publish({ type: 'quote', quote }),
        bar: (symbol, bar) => this.publish({ type: 'bar', symbol, timeframe: '1m', bar }),
      },
      onChange: (snapshot) => this.publishStatus(snapshot),
    });
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    this.started = true;
    this.client.start();
    this.publishStatus(this.client.snapshot());
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.client.stop();
    this.publishStatus(this.client.snapshot());
  }

  subscribe(symbols: readonly string[]): void {
    this.client.add(symbols);
  }

  unsubscribe(symbols: readonly string[]): void {
    this.client.remove(symbols);
  }

  /** Alpaca's own word on what this connection streams (its last `subscription` reply). */
  subscribed(): { trades: readonly string[]; quotes: readonly string[]; bars: readonly string[] } {
    return this.client.subscribed();
  }

  stats(): DataStreamStats & { reconnects: number } {
    const stats = this.client.stats;
    return { ...stats, malformedByReason: { ...stats.malformedByReason }, reconnects: Math.max(0, stats.connects - 1) };
  }

  private publishStatus(snapshot: StreamSnapshot): void {
    const { state, label } = describeStream(snapshot, this.options.feed, this.started, this.options.downAfterAttempts ?? 5);
    const key = `${state}|${label}`;
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.publish({ type: 'status', state, label });
  }

  private publish(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The feed for one account and feed name; live use passes the system scheduler and logger. */
export function createAlpacaDataFeed(
  config: AlpacaDataStreamConfig,
  deps: { scheduler: Scheduler; logger: Logger; random?: RandomSource },
  tuning: AlpacaDataFeedTuning = {},
): AlpacaDataFeed {
  return new AlpacaDataFeed({ ...config, ...tuning, ...deps });
}
