import type { BrokerState } from '@shared/dto/broker';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import { fullJitterDelay, RECONNECT_BACKOFF, type BackoffPolicy } from '../backoff';
import { parseStreamMessage } from './stream-message';
import type { TradeUpdate } from './wire';
import { StreamSocket } from '../socket/stream-socket';

export interface TradeStreamOptions {
  /** wss://paper-api.alpaca.markets/stream or wss://api.alpaca.markets/stream. */
  url: string;
  keyId: string;
  secret: string;
  scheduler: Scheduler;
  random: RandomSource;
  logger: Logger;
  /** Every trade update, in the order the stream sent them. */
  onUpdate: (update: TradeUpdate) => void;
  /** After every (re)listen: from here on nothing is missed, so reconcile what was. */
  onReady: () => void;
  onState?: (state: BrokerState, detail: string | null) => void;
  backoff?: BackoffPolicy;
  /** Time allowed from the socket opening to `listening`. */
  handshakeTimeoutMs?: number;
  pingIntervalMs?: number;
  /** Consecutive failed attempts after which the state reads `down` (it keeps retrying). */
  downAfterAttempts?: number;
}

export type TradeStreamPhase = 'idle' | 'connecting' | 'authenticating' | 'listening' | 'waiting' | 'rejected' | 'stopped';

export interface TradeStreamStats {
  frames: number;
  connects: number;
  updates: number;
  malformed: number;
}

/**
 * Alpaca's `trade_updates` stream: open → auth → `authorized` → listen → `listening`, and
 * again after every drop with full-jitter backoff. Frames may be binary (the paper endpoint)
 * or text. Malformed frames are counted, logged (the first few, then every hundredth) and
 * skipped. The key and secret go into the auth message only, never into a log.
 */
export class AlpacaTradeStream {
  private readonly socket: StreamSocket;
  private phase: TradeStreamPhase = 'idle';
  private attempt = 0;
  private everListened = false;
  private lastState = '';
  readonly stats: TradeStreamStats = { frames: 0, connects: 0, updates: 0, malformed: 0 };

  constructor(private readonly options: TradeStreamOptions) {
    this.socket = new StreamSocket({
      url: options.url,
      scheduler: options.scheduler,
      peer: 'Alpaca',
      stats: this.stats,
      onConnecting: () => {
        this.phase = 'connecting';
        this.reportWaiting();
      },
      onOpen: () => {
        this.phase = 'authenticating';
        this.socket.send({ action: 'auth', key: options.keyId, secret: options.secret });
      },
      onText: (text) => this.onFrame(text),
      onClose: (code) => this.onClose(code),
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      pingIntervalMs: options.pingIntervalMs,
    });
  }

  get current(): TradeStreamPhase {
    return this.phase;
  }

  start(): void {
    if (this.phase !== 'idle' && this.phase !== 'stopped') return;
    this.socket.open();
  }

  stop(): Promise<void> {
    this.phase = 'stopped';
    this.emitState('down', 'Alpaca trade stream stopped');
    return this.socket.stop();
  }

  private onFrame(text: string): void {
    const message = parseStreamMessage(text);
    switch (message.kind) {
      case 'authorized':
        this.socket.send({ action: 'listen', data: { streams: ['trade_updates'] } });
        return;
      case 'unauthorized':
        this.socket.lastError = `Alpaca refused the keys on the trade stream (${message.status})`;
        this.options.logger.error('Alpaca refused the trade stream login; not reconnecting', { status: message.status });
        this.phase = 'rejected';
        this.emitState('down', this.socket.lastError);
        this.socket.close();
        return;
      case 'listening':
        return this.onListening(message.streams);
      case 'update':
        this.stats.updates += 1;
        this.options.onUpdate(message.update);
        return;
      case 'other':
        this.options.logger.debug('Alpaca stream message ignored', { stream: message.stream });
        return;
      case 'malformed':
        return this.onMalformed(message.reason, text);
    }
  }

  private onListening(streams: readonly string[]): void {
    if (!streams.includes('trade_updates')) {
      this.socket.lastError = 'Alpaca did not open the trade_updates stream';
      this.options.logger.warn('Alpaca listen reply without trade_updates', { streams: streams.join(',') });
      return;
    }
    if (this.phase === 'listening') return;
    this.phase = 'listening';
    this.socket.loggedIn();
    const reconnect = this.everListened;
    this.everListened = true;
    this.attempt = 0;
    this.socket.lastError = null;
    this.options.logger.info(reconnect ? 'Alpaca trade stream listening again' : 'Alpaca trade stream listening');
    this.emitState('connected', null);
    this.options.onReady();
  }

  private onMalformed(reason: string, text: string): void {
    this.stats.malformed += 1;
    const total = this.stats.malformed;
    if (total <= 10 || total % 100 === 0) {
      this.options.logger.warn('Skipped a malformed Alpaca stream message', { reason, malformedTotal: total, excerpt: text.slice(0, 200) });
    }
  }

  private onClose(code: number): number | null {
    if (this.phase === 'stopped' || this.phase === 'rejected') return null;
    this.attempt += 1;
    const waitMs = fullJitterDelay(this.attempt - 1, this.options.backoff ?? RECONNECT_BACKOFF, this.options.random);
    this.options.logger.warn('Alpaca trade stream closed; reconnecting', { code, attempt: this.attempt, waitMs, error: this.socket.lastError });
    this.phase = 'waiting';
    this.reportWaiting();
    return waitMs;
  }

  /** connecting before the first listen; degraded while reconnecting; down after many failures. */
  private reportWaiting(): void {
    const { lastError } = this.socket;
    const retry = this.attempt > 0 ? ` (attempt ${this.attempt + 1}${lastError ? `: ${lastError}` : ''})` : '';
    if (this.attempt >= (this.options.downAfterAttempts ?? 5)) this.emitState('down', `Alpaca trade stream unreachable; retrying${retry}`);
    else if (this.everListened) this.emitState('degraded', `Alpaca trade stream reconnecting${retry}`);
    else this.emitState('connecting', `Connecting to the Alpaca trade stream${retry}`);
  }

  private emitState(state: BrokerState, detail: string | null): void {
    const key = `${state}|${detail ?? ''}`;
    if (key === this.lastState) return;
    this.lastState = key;
    this.options.onState?.(state, detail);
  }
}
