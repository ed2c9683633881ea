import WebSocket from 'ws';
import type { Bar, Quote, Trade } from '../../../../core/market-data/types';
import type { Logger } from '../../../../core/ports/logger';
import type { RandomSource } from '../../../../core/ports/random';
import type { Scheduler } from '../../../../core/ports/scheduler';
import { fullJitterDelay, halfJitterDelay, RECONNECT_BACKOFF, type BackoffPolicy } from '../../backoff';
import { CONNECTION_LIMIT_BACKOFF } from './backoff';
import { parseDataFrame, type ControlMessage, type DataFrameSink, type MalformedReason } from './parse-frame';
import { rawText } from '../../socket/raw-text';
import { classifyStreamError } from './stream-errors';
import type { DataStreamStats, StreamPhase, StreamSnapshot } from './stream-snapshot';
import { SubscriptionBook, type DataChannel, type SubscriptionRequest } from './subscription-book';
import { closeSocket } from '../../socket/close-socket';

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
  private ws: WebSocket | null = null;
  private phase: StreamPhase = 'idle';
  private attempt = 0;
  private everLive = false;
  private lastError: string | null = null;
  private limited = false;
  private retryInMs: number | null = null;
  private requestError: string | null = null;
  private alive = true;
  private cancelTimers: (() => void)[] = [];
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
  }

  snapshot(): StreamSnapshot {
    return {
      phase: this.phase,
      attempt: this.attempt,
      everLive: this.everLive,
      lastError: this.lastError,
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
    this.connect();
  }

  stop(): Promise<void> {
    this.setPhase('stopped');
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    return closeSocket(ws, this.options.scheduler);
  }

  add(symbols: readonly string[]): void {
    const fresh = this.book.add(symbols);
    if (fresh.length > 0 && this.phase === 'live') this.send(this.book.request('subscribe', fresh));
  }

  remove(symbols: readonly string[]): void {
    const gone = this.book.remove(symbols);
    if (gone.length > 0 && this.phase === 'live') this.send(this.book.request('unsubscribe', gone));
  }

  private connect(): void {
    this.setPhase('connecting');
    const timeoutMs = this.options.handshakeTimeoutMs ?? 10_000;
    const ws = new WebSocket(this.options.url, { handshakeTimeout: timeoutMs });
    this.ws = ws;
    this.alive = true;
    this.book.reset();
    this.requestError = null;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.stats.connects += 1;
      this.timer(timeoutMs, () => {
        if (this.ws === ws && this.phase !== 'live') this.drop(ws, 'Alpaca did not complete the login in time');
      });
      this.timer(this.options.pingIntervalMs ?? 20_000, () => this.ping(ws), true);
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      this.alive = true;
      this.stats.frames += 1;
      parseDataFrame(rawText(data), this.frameSink);
    });
    ws.on('error', (error) => {
      this.lastError = error.message;
    });
    ws.on('close', (code) => this.onClose(ws, code));
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
      this.send({ action: 'auth', key: this.options.keyId, secret: this.options.secret });
    } else if (message.msg === 'authenticated' && this.phase === 'authenticating') {
      this.onAuthenticated();
    }
  }

  private onAuthenticated(): void {
    const reconnect = this.everLive;
    this.attempt = 0;
    this.everLive = true;
    this.limited = false;
    this.lastError = null;
    const wanted = this.book.wanted();
    // Asked before going live, so the status never reads the wanted set as refused meanwhile.
    if (wanted.length > 0) this.send(this.book.request('subscribe', wanted));
    this.setPhase('live');
    this.options.logger.info(reconnect ? 'Alpaca data stream live again' : 'Alpaca data stream live', { feed: this.options.feed, symbols: wanted.length });
  }

  private onError(code: number | null, msg: string): void {
    const verdict = classifyStreamError(code, msg, this.options.feed);
    const ws = this.ws;
    if (verdict.action === 'request' || verdict.action === 'harmless') {
      if (verdict.action === 'request') {
        this.book.refused();
        this.requestError = verdict.label;
      }
      this.options.logger.warn('Alpaca data stream refused a request', { feed: this.options.feed, code, reply: msg });
      this.emitChange();
      return;
    }
    this.lastError = verdict.label;
    if (!ws) return;
    if (verdict.action === 'fatal') {
      this.options.logger.error('Alpaca data stream refused the login; not reconnecting', { feed: this.options.feed, code, reply: msg });
      this.setPhase('rejected');
      ws.close(1000);
    } else if (verdict.action === 'limited') {
      this.limited = true;
      this.options.logger.warn('Alpaca data stream: the key already has its connection; backing off', { feed: this.options.feed, code });
      ws.close(1000);
    } else {
      this.options.logger.warn('Alpaca data stream error; reconnecting', { feed: this.options.feed, code, reply: msg });
      this.drop(ws, verdict.label);
    }
  }

  private onClose(ws: WebSocket, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    this.clearTimers();
    this.book.reset();
    if (this.phase === 'stopped' || this.phase === 'rejected') return this.emitChange();
    this.attempt += 1;
    const waitMs = this.limited
      ? halfJitterDelay(this.attempt - 1, this.options.connectionLimitBackoff ?? CONNECTION_LIMIT_BACKOFF, this.options.random)
      : fullJitterDelay(this.attempt - 1, this.options.backoff ?? RECONNECT_BACKOFF, this.options.random);
    this.options.logger.warn('Alpaca data stream closed; reconnecting', { feed: this.options.feed, code, attempt: this.attempt, waitMs, error: this.lastError });
    this.retryInMs = waitMs;
    this.setPhase('waiting');
    this.timer(waitMs, () => {
      if (this.phase === 'waiting') this.connect();
    });
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

  private ping(ws: WebSocket): void {
    if (this.ws !== ws || ws.readyState !== WebSocket.OPEN) return;
    if (!this.alive) return this.drop(ws, 'Alpaca stopped answering pings');
    this.alive = false;
    ws.ping();
  }

  private drop(ws: WebSocket, reason: string): void {
    this.lastError = reason;
    ws.terminate();
  }

  private send(message: SubscriptionRequest | { action: 'auth'; key: string; secret: string }): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  private setPhase(phase: StreamPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.emitChange();
  }

  private emitChange(): void {
    this.options.onChange(this.snapshot());
  }

  private timer(ms: number, task: () => void, repeat = false): void {
    const scheduler = this.options.scheduler;
    this.cancelTimers.push(repeat ? scheduler.every(ms, task) : scheduler.after(ms, task));
  }

  private clearTimers(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel();
  }
}
