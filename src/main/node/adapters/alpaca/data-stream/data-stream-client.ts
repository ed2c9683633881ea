import type { Bar, Quote, Trade } from '../../../../core/market-data/types';
import type { Logger } from '../../../../core/ports/logger';
import type { RandomSource } from '../../../../core/ports/random';
import type { Scheduler } from '../../../../core/ports/scheduler';
import { fullJitterDelay, halfJitterDelay, RECONNECT_BACKOFF, type BackoffPolicy } from '../../backoff';
import { CONNECTION_LIMIT_BACKOFF } from './backoff';
import { parseDataFrame, type ControlMessage, type DataFrameSink, type MalformedReason } from './parse-frame';
import { classifyStreamError } from './stream-errors';
import type { DataStreamStats, StreamPhase, StreamSnapshot } from './stream-snapshot';
import { SubscriptionBook, type DataChannel } from './subscription-book';
import { StreamSocket } from '../../socket/stream-socket';

export interface DataStreamClientOptions {
  /** The full stream URL, e.g. wss://stream.data.alpaca.markets/v2/iex. */
  url: string;
  /** `iex` or `sip`, for labels. */
  feed: string;
  keyId: string;
  secret: string;
  channels: readonly DataChannel[];
  scheduler: Scheduler;
  random: RandomSource;
  logger: Logger;
  sink: { trade(trade: Trade): void; quote(quote: Quote): void; bar(symbol: string, bar: Bar): void };
  onChange(snapshot: StreamSnapshot): void;
  backoff?: BackoffPolicy;
  /** Waits after a 406; each is at least half its window, so the slot is not fought over. */
  connectionLimitBackoff?: BackoffPolicy;
  /** Alpaca allows 10 s from connecting to logging in. */
  handshakeTimeoutMs?: number;
  pingIntervalMs?: number;
}

/**
 * One connection to Alpaca's market data stream: open → `connected` → auth → `authenticated`
 * → subscribe the wanted set, and again after every drop with full-jitter backoff. Errors are
 * classified (stream-errors.ts): a bad key or plan stops, a 406 waits long, the rest reconnect.
 * The key and secret go into the auth message only, never into a log or a label.
 */
export class AlpacaDataStreamClient {
  private readonly socket: StreamSocket;
  private phase: StreamPhase = 'idle';
  private attempt = 0;
  private everLive = false;
  private limited = false;
  private retryInMs: number | null = null;
  private requestError: string | null = null;
  private readonly book: SubscriptionBook;
  private readonly frameSink: DataFrameSink;
  readonly stats: DataStreamStats = {
    frames: 0,
    connects: 0,
    malformed: 0,
    malformedByReason: { 'not-json': 0, 'not-array': 0, 'not-object': 0, 'unknown-event': 0, 'missing-fields': 0, 'bad-time': 0 },
    ignored: 0,
  };

  constructor(private readonly options: DataStreamClientOptions) {
    this.book = new SubscriptionBook(options.channels);
    const { sink } = options;
    this.frameSink = {
      trade: (trade) => {
        if (this.wanted(trade.symbol)) sink.trade(trade);
      },
      quote: (quote) => {
        if (this.wanted(quote.symbol)) sink.quote(quote);
      },
      bar: (symbol, bar) => {
        if (this.wanted(symbol)) sink.bar(symbol, bar);
      },
      control: (message) => this.onControl(message),
      malformed: (reason, excerpt) => this.onMalformed(reason, excerpt),
      ignored: () => {
        this.stats.ignored += 1;
      },
    };
    this.socket = new StreamSocket({
      url: options.url,
      scheduler: options.scheduler,
      peer: 'Alpaca',
      stats: this.stats,
      onConnecting: () => {
        this.setPhase('connecting');
        this.book.reset();
        this.requestError = null;
      },
      onText: (text) => parseDataFrame(text, this.frameSink),
      onClose: (code) => this.onClose(code),
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      pingIntervalMs: options.pingIntervalMs,
    });
  }

  snapshot(): StreamSnapshot {
    return {
      phase: this.phase,
      attempt: this.attempt,
      everLive: this.everLive,
      lastError: this.socket.lastError,
      connectionLimited: this.limited,
      retryInMs: this.phase === 'waiting' ? this.retryInMs : null,
      unconfirmed: this.phase === 'live' ? this.book.unconfirmed() : [],
      requestError: this.requestError,
    };
  }

  /** What Alpaca last said this connection is subscribed to. */
  subscribed(): { trades: readonly string[]; quotes: readonly string[]; bars: readonly string[] } {
    return this.book.current();
  }

  /** Also after a rejected login: starting again is a person's decision (new keys, new plan). */
  start(): void {
    if (this.phase !== 'idle' && this.phase !== 'stopped' && this.phase !== 'rejected') return;
    this.attempt = 0;
    this.limited = false;
    this.socket.open();
  }

  stop(): Promise<void> {
    this.setPhase('stopped');
    return this.socket.stop();
  }

  add(symbols: readonly string[]): void {
    const fresh = this.book.add(symbols);
    if (fresh.length > 0 && this.phase === 'live') this.socket.send(this.book.request('subscribe', fresh));
  }

  remove(symbols: readonly string[]): void {
    const gone = this.book.remove(symbols);
    if (gone.length > 0 && this.phase === 'live') this.socket.send(this.book.request('unsubscribe', gone));
  }

  /** Alpaca may still send a few points for a symbol just unsubscribed; they are dropped. */
  private wanted(symbol: string): boolean {
    if (this.book.wants(symbol)) return true;
    this.stats.ignored += 1;
    return false;
  }

  private onControl(message: ControlMessage): void {
    if (message.kind === 'subscription') {
      this.book.answered(message.set);
      if (this.book.unconfirmed().length === 0) this.requestError = null;
      this.emitChange();
    } else if (message.kind === 'error') {
      this.onError(message.code, message.msg);
    } else if (message.msg === 'connected' && this.phase === 'connecting') {
      this.setPhase('authenticating');
      this.socket.send({ action: 'auth', key: this.options.keyId, secret: this.options.secret });
    } else if (message.msg === 'authenticated' && this.phase === 'authenticating') {
      this.onAuthenticated();
    }
  }

  private onAuthenticated(): void {
    this.socket.loggedIn();
    const reconnect = this.everLive;
    this.attempt = 0;
    this.everLive = true;
    this.limited = false;
    this.socket.lastError = null;
    const wanted = this.book.wanted();
    // Asked before going live, so the status never reads the wanted set as refused meanwhile.
    if (wanted.length > 0) this.socket.send(this.book.request('subscribe', wanted));
    this.setPhase('live');
    this.options.logger.info(reconnect ? 'Alpaca data stream live again' : 'Alpaca data stream live', { feed: this.options.feed, symbols: wanted.length });
  }

  private onError(code: number | null, msg: string): void {
    const verdict = classifyStreamError(code, msg, this.options.feed);
    if (verdict.action === 'request' || verdict.action === 'harmless') {
      if (verdict.action === 'request') {
        this.book.refused();
        this.requestError = verdict.label;
      }
      this.options.logger.warn('Alpaca data stream refused a request', { feed: this.options.feed, code, reply: msg });
      this.emitChange();
      return;
    }
    this.socket.lastError = verdict.label;
    if (!this.socket.connected) return;
    if (verdict.action === 'fatal') {
      this.options.logger.error('Alpaca data stream refused the login; not reconnecting', { feed: this.options.feed, code, reply: msg });
      this.setPhase('rejected');
      this.socket.close();
    } else if (verdict.action === 'limited') {
      this.limited = true;
      this.options.logger.warn('Alpaca data stream: the key already has its connection; backing off', { feed: this.options.feed, code });
      this.socket.close();
    } else {
      this.options.logger.warn('Alpaca data stream error; reconnecting', { feed: this.options.feed, code, reply: msg });
      this.socket.drop(verdict.label);
    }
  }

  private onClose(code: number): number | null {
    this.book.reset();
    if (this.phase === 'stopped' || this.phase === 'rejected') {
      this.emitChange();
      return null;
    }
    this.attempt += 1;
    const waitMs = this.limited
      ? halfJitterDelay(this.attempt - 1, this.options.connectionLimitBackoff ?? CONNECTION_LIMIT_BACKOFF, this.options.random)
      : fullJitterDelay(this.attempt - 1, this.options.backoff ?? RECONNECT_BACKOFF, this.options.random);
    this.options.logger.warn('Alpaca data stream closed; reconnecting', { feed: this.options.feed, code, attempt: this.attempt, waitMs, error: this.socket.lastError });
    this.retryInMs = waitMs;
    this.setPhase('waiting');
    return waitMs;
  }

  private onMalformed(reason: MalformedReason, excerpt: string): void {
    this.stats.malformed += 1;
    this.stats.malformedByReason[reason] += 1;
    const total = this.stats.malformed;
    // Every one is counted; the log gets the first few and then every hundredth.
    if (total <= 10 || total % 100 === 0) {
      this.options.logger.warn('Skipped a malformed Alpaca data message', { feed: this.options.feed, reason, malformedTotal: total, excerpt });
    }
  }

  private setPhase(phase: StreamPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.emitChange();
  }

  private emitChange(): void {
    this.options.onChange(this.snapshot());
  }
}
