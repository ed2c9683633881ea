import type { BrokerState } from '@shared/dto/broker';
import WebSocket from 'ws';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import { fullJitterDelay, RECONNECT_BACKOFF, type BackoffPolicy } from '../backoff';
import { parseStreamMessage } from './stream-message';
import type { TradeUpdate } from './wire';
import { closeSocket } from '../socket/close-socket';
import { rawText } from '../socket/raw-text';

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
  private ws: WebSocket | null = null;
  private phase: TradeStreamPhase = 'idle';
  private attempt = 0;
  private everListened = false;
  private lastError: string | null = null;
  private alive = true;
  private lastState = '';
  private cancelTimers: (() => void)[] = [];
  readonly stats: TradeStreamStats = { frames: 0, connects: 0, updates: 0, malformed: 0 };

  constructor(private readonly options: TradeStreamOptions) {}

  get current(): TradeStreamPhase {
    return this.phase;
  }

  start(): void {
    if (this.phase !== 'idle' && this.phase !== 'stopped') return;
    this.connect();
  }

  stop(): Promise<void> {
    this.phase = 'stopped';
    this.clearTimers();
    this.emitState('down', 'Alpaca trade stream stopped');
    const ws = this.ws;
    this.ws = null;
    return closeSocket(ws, this.options.scheduler);
  }

  private connect(): void {
    this.phase = 'connecting';
    this.reportWaiting();
    const handshakeMs = this.options.handshakeTimeoutMs ?? 10_000;
    const ws = new WebSocket(this.options.url, { handshakeTimeout: handshakeMs });
    this.ws = ws;
    this.alive = true;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.stats.connects += 1;
      this.phase = 'authenticating';
      ws.send(JSON.stringify({ action: 'auth', key: this.options.keyId, secret: this.options.secret }));
      this.timer(handshakeMs, () => {
        if (this.ws === ws && this.phase !== 'listening') this.drop(ws, 'Alpaca did not confirm the login in time');
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
      this.onFrame(ws, rawText(data));
    });
    ws.on('error', (error) => {
      this.lastError = error.message;
    });
    ws.on('close', (code) => this.onClose(ws, code));
  }

  private onFrame(ws: WebSocket, text: string): void {
    const message = parseStreamMessage(text);
    switch (message.kind) {
      case 'authorized':
        ws.send(JSON.stringify({ action: 'listen', data: { streams: ['trade_updates'] } }));
        return;
      case 'unauthorized':
        this.lastError = `Alpaca refused the keys on the trade stream (${message.status})`;
        this.options.logger.error('Alpaca refused the trade stream login; not reconnecting', { status: message.status });
        this.phase = 'rejected';
        this.emitState('down', this.lastError);
        ws.close(1000);
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
      this.lastError = 'Alpaca did not open the trade_updates stream';
      this.options.logger.warn('Alpaca listen reply without trade_updates', { streams: streams.join(',') });
      return;
    }
    if (this.phase === 'listening') return;
    this.phase = 'listening';
    const reconnect = this.everListened;
    this.everListened = true;
    this.attempt = 0;
    this.lastError = null;
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

  private onClose(ws: WebSocket, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    this.clearTimers();
    if (this.phase === 'stopped' || this.phase === 'rejected') return;
    this.attempt += 1;
    const waitMs = fullJitterDelay(this.attempt - 1, this.options.backoff ?? RECONNECT_BACKOFF, this.options.random);
    this.options.logger.warn('Alpaca trade stream closed; reconnecting', { code, attempt: this.attempt, waitMs, error: this.lastError });
    this.phase = 'waiting';
    this.reportWaiting();
    this.timer(waitMs, () => {
      if (this.phase === 'waiting') this.connect();
    });
  }

  /** connecting before the first listen; degraded while reconnecting; down after many failures. */
  private reportWaiting(): void {
    const retry = this.attempt > 0 ? ` (attempt ${this.attempt + 1}${this.lastError ? `: ${this.lastError}` : ''})` : '';
    if (this.attempt >= (this.options.downAfterAttempts ?? 5)) this.emitState('down', `Alpaca trade stream unreachable; retrying${retry}`);
    else if (this.everListened) this.emitState('degraded', `Alpaca trade stream reconnecting${retry}`);
    else this.emitState('connecting', `Connecting to the Alpaca trade stream${retry}`);
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

  private emitState(state: BrokerState, detail: string | null): void {
    const key = `${state}|${detail ?? ''}`;
    if (key === this.lastState) return;
    this.lastState = key;
    this.options.onState?.(state, detail);
  }

  private timer(ms: number, task: () => void, repeat = false): void {
    const scheduler = this.options.scheduler;
    this.cancelTimers.push(repeat ? scheduler.every(ms, task) : scheduler.after(ms, task));
  }

  private clearTimers(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel();
  }
}
