import type { Clock } from '../../../core/ports/clock';
import type { Logger } from '../../../core/ports/logger';
import type { RandomSource } from '../../../core/ports/random';
import type { Scheduler } from '../../../core/ports/scheduler';
import { fullJitterDelay, RECONNECT_BACKOFF, type BackoffPolicy } from '../backoff';
import { parseFrame, type FrameSink, type MalformedReason } from './parse';
import type { PolygonCluster } from './symbols';
import { StreamSocket } from '../socket/stream-socket';

export type ClusterPhase = 'idle' | 'connecting' | 'authenticating' | 'live' | 'waiting' | 'rejected' | 'stopped';

export interface ClusterSnapshot {
  cluster: PolygonCluster;
  phase: ClusterPhase;
  attempt: number;
  /** Channels (e.g. `Q.AAPL`) the plan does not include; the others keep streaming. */
  unauthorized: readonly string[];
  lastError: string | null;
}

export interface ClusterClientOptions {
  cluster: PolygonCluster;
  url: string;
  apiKey: string;
  clock: Clock;
  scheduler: Scheduler;
  random: RandomSource;
  logger: Logger;
  sink: Pick<FrameSink, 'trade' | 'quote' | 'bar'>;
  onChange: (snapshot: ClusterSnapshot) => void;
  /**
   * Once per connection, when every subscription has been answered (or after a timeout): from
   * then on nothing closes unseen, so the feed can fill the gap before it from REST.
   */
  onLive: () => void;
  backoff?: BackoffPolicy;
  handshakeTimeoutMs?: number;
  pingIntervalMs?: number;
}

export interface ClusterStats {
  frames: number;
  connects: number;
  malformed: number;
  malformedByReason: Record<MalformedReason, number>;
}

const CHANNEL_IN_MESSAGE = /\b([A-Z]{1,4}\.[A-Za-z0-9*.:/-]+)/;

/**
 * One Polygon socket cluster: connect → `connected` → auth → `auth_success` → subscribe,
 * and again after every drop, with full-jitter backoff. Tracks per-channel replies (a
 * `not authorized` channel is reported and the rest keep streaming) and counts, logs and
 * skips malformed frames. The key is sent in the auth message only and never logged.
 */
export class PolygonClusterClient {
  private readonly socket: StreamSocket;
  private phase: ClusterPhase = 'idle';
  private attempt = 0;
  private readonly desired = new Set<string>();
  private readonly awaitingReply: string[] = [];
  private readonly unauthorized = new Set<string>();
  private liveAnnounced = false;
  readonly stats: ClusterStats = {
    frames: 0,
    connects: 0,
    malformed: 0,
    malformedByReason: { 'not-json': 0, 'not-array': 0, 'not-object': 0, 'unknown-event': 0, 'missing-fields': 0 },
  };
  private readonly frameSink: FrameSink;

  constructor(private readonly options: ClusterClientOptions) {
    const { sink } = options;
    this.frameSink = {
      trade: (trade) => sink.trade(trade),
      quote: (quote) => sink.quote(quote),
      bar: (symbol, timeframe, bar) => sink.bar(symbol, timeframe, bar),
      status: (status, message) => this.onStatus(status, message),
      malformed: (reason, excerpt) => this.onMalformed(reason, excerpt),
    };
    this.socket = new StreamSocket({
      url: options.url,
      scheduler: options.scheduler,
      peer: 'Polygon',
      stats: this.stats,
      onConnecting: () => this.setPhase('connecting'),
      onText: (text) => parseFrame(text, options.cluster, this.frameSink),
      onClose: (code) => this.onClose(code),
      handshakeTimeoutMs: options.handshakeTimeoutMs,
      pingIntervalMs: options.pingIntervalMs,
    });
  }

  snapshot(): ClusterSnapshot {
    return { cluster: this.options.cluster, phase: this.phase, attempt: this.attempt, unauthorized: [...this.unauthorized], lastError: this.socket.lastError };
  }

  start(): void {
    if (this.phase !== 'idle' && this.phase !== 'stopped') return;
    this.socket.open();
  }

  stop(): Promise<void> {
    this.setPhase('stopped');
    return this.socket.stop();
  }

  add(params: readonly string[]): void {
    const fresh = params.filter((p) => !this.desired.has(p));
    for (const p of fresh) this.desired.add(p);
    if (fresh.length > 0 && this.phase === 'live') this.sendSubscribe(fresh);
  }

  remove(params: readonly string[]): void {
    const gone = params.filter((p) => this.desired.delete(p));
    for (const p of gone) this.unauthorized.delete(p);
    if (gone.length > 0 && this.phase === 'live') this.socket.send({ action: 'unsubscribe', params: gone.join(',') });
  }

  private onStatus(status: string, message: string): void {
    if (!this.socket.connected) return;
    if (status === 'connected') {
      this.setPhase('authenticating');
      this.socket.send({ action: 'auth', params: this.options.apiKey });
    } else if (status === 'auth_success' || (status === 'success' && message === 'authenticated')) {
      this.socket.loggedIn();
      this.attempt = 0;
      this.socket.lastError = null;
      this.awaitingReply.length = 0;
      this.setPhase('live');
      this.options.logger.info('Polygon socket live', { cluster: this.options.cluster, channels: this.desired.size });
      this.liveAnnounced = false;
      if (this.desired.size > 0) this.sendSubscribe([...this.desired]);
      if (this.awaitingReply.length === 0) this.announceLive();
      else this.socket.later(this.options.handshakeTimeoutMs ?? 10_000, () => this.announceLive());
    } else if (status === 'auth_failed' || (status === 'error' && this.phase === 'authenticating')) {
      this.socket.lastError = `Polygon rejected the API key (${message || status})`;
      this.options.logger.error('Polygon rejected the API key; not reconnecting', { cluster: this.options.cluster, status });
      this.setPhase('rejected');
      this.socket.close();
    } else if (status === 'success') {
      const subscribed = /^subscribed to: (.*)$/.exec(message);
      for (const param of subscribed?.[1]?.split(',') ?? []) this.replied(param.trim(), true);
    } else if (status === 'error' && /not authori[sz]ed/i.test(message)) {
      const named = CHANNEL_IN_MESSAGE.exec(message)?.[1];
      // Polygon answers each subscription in order; an error that names no channel is the oldest one's.
      const param = named ?? this.awaitingReply[0];
      if (param) this.replied(param, false);
      this.options.logger.warn('Polygon plan does not include a channel', { cluster: this.options.cluster, channel: param ?? null, reply: message });
    } else if (status === 'max_connections') {
      this.socket.lastError = 'Another connection is using this Polygon key';
      this.options.logger.warn('Polygon closed an older connection on this key', { cluster: this.options.cluster, reply: message });
    } else {
      this.options.logger.warn('Polygon status message', { cluster: this.options.cluster, status, reply: message });
    }
  }

  private replied(param: string, ok: boolean): void {
    const at = this.awaitingReply.indexOf(param);
    if (at >= 0) this.awaitingReply.splice(at, 1);
    if (ok) this.unauthorized.delete(param);
    else if (this.desired.has(param)) this.unauthorized.add(param);
    this.emitChange();
    if (this.awaitingReply.length === 0) this.announceLive();
  }

  /** Timers die with their connection, so a late one never announces a newer connection. */
  private announceLive(): void {
    if (this.liveAnnounced || !this.socket.connected || this.phase !== 'live') return;
    this.liveAnnounced = true;
    this.options.onLive();
  }

  private onMalformed(reason: MalformedReason, excerpt: string): void {
    this.stats.malformed += 1;
    this.stats.malformedByReason[reason] += 1;
    const total = this.stats.malformed;
    // Every one is counted; the log gets the first few and then every hundredth.
    if (total <= 10 || total % 100 === 0) {
      this.options.logger.warn('Skipped a malformed Polygon message', { cluster: this.options.cluster, reason, malformedTotal: total, excerpt });
    }
  }

  private onClose(code: number): number | null {
    if (this.phase === 'stopped' || this.phase === 'rejected') {
      this.emitChange();
      return null;
    }
    this.attempt += 1;
    const waitMs = fullJitterDelay(this.attempt - 1, this.options.backoff ?? RECONNECT_BACKOFF, this.options.random);
    this.options.logger.warn('Polygon socket closed; reconnecting', { cluster: this.options.cluster, code, attempt: this.attempt, waitMs, error: this.socket.lastError });
    this.setPhase('waiting');
    return waitMs;
  }

  private sendSubscribe(params: readonly string[]): void {
    this.awaitingReply.push(...params);
    this.socket.send({ action: 'subscribe', params: params.join(',') });
  }

  private setPhase(phase: ClusterPhase): void {
    if (this.phase === phase) return;
    this.phase = phase;
    this.emitChange();
  }

  private emitChange(): void {
    this.options.onChange(this.snapshot());
  }
}
