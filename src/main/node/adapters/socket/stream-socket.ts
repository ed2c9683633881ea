import WebSocket from 'ws';
import type { Scheduler } from '../../../core/ports/scheduler';
import { closeSocket } from './close-socket';
import { rawText } from './raw-text';

export interface StreamSocketOptions {
  url: string;
  scheduler: Scheduler;
  /** Who is on the other end, for the reasons a connection is dropped: 'Polygon', 'Alpaca'. */
  peer: string;
  /** Time allowed for the socket to open, and again from opening to `loggedIn()`. */
  handshakeTimeoutMs?: number | undefined;
  /** A ping this often; a peer that answered nothing since the last one is cut off. */
  pingIntervalMs?: number | undefined;
  /** Counters the socket keeps for its owner. */
  stats: { frames: number; connects: number };
  /** A connection is about to open, the first or a reconnect. */
  onConnecting?: () => void;
  /** The socket is open (send a login here if the protocol opens with one). */
  onOpen?: () => void;
  /** Every frame of the current connection, as text (binary frames too). */
  onText: (text: string) => void;
  /** The current connection closed, not by `stop()`: return the wait before the next, or null to stay closed. */
  onClose: (code: number) => number | null;
}

const DEFAULT_HANDSHAKE_MS = 10_000;
const DEFAULT_PING_MS = 20_000;

/**
 * The connection mechanics every streaming client shares: one current socket, a login that
 * must complete in time, ping/pong liveness, frame counting, and a reconnect after the wait
 * the owner chooses. Frames and callbacks of a replaced socket are ignored. The owner keeps
 * the protocol: its messages, its phases, its backoff and what it logs.
 */
export class StreamSocket {
  /** Why the last connection failed or was dropped, as the owner may show it. */
  lastError: string | null = null;
  private ws: WebSocket | null = null;
  private alive = true;
  private isLoggedIn = false;
  private cancelTimers: (() => void)[] = [];

  constructor(private readonly options: StreamSocketOptions) {}

  /** True while a connection (opening or open) is current. */
  get connected(): boolean {
    return this.ws !== null;
  }

  /** Opens a new connection. */
  open(): void {
    this.options.onConnecting?.();
    const handshakeMs = this.options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_MS;
    const ws = new WebSocket(this.options.url, { handshakeTimeout: handshakeMs });
    this.ws = ws;
    this.alive = true;
    this.isLoggedIn = false;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.options.stats.connects += 1;
      this.later(handshakeMs, () => {
        if (this.ws === ws && !this.isLoggedIn) this.drop(`${this.options.peer} did not complete the login in time`);
      });
      this.cancelTimers.push(this.options.scheduler.every(this.options.pingIntervalMs ?? DEFAULT_PING_MS, () => this.ping(ws)));
      this.options.onOpen?.();
    });
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('message', (data) => {
      if (this.ws !== ws) return;
      this.alive = true;
      this.options.stats.frames += 1;
      this.options.onText(rawText(data));
    });
    ws.on('error', (error) => {
      this.lastError = error.message;
    });
    ws.on('close', (code) => this.closed(ws, code));
  }

  /** The login completed: the connection is no longer dropped for taking too long. */
  loggedIn(): void {
    this.isLoggedIn = true;
  }

  /** Sends a JSON message when the connection is open; drops it otherwise (a reconnect resends state). */
  send(message: unknown): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  /** Cuts the current connection off (no close handshake); the close brings the reconnect. */
  drop(reason: string): void {
    this.lastError = reason;
    this.ws?.terminate();
  }

  /** Closes the current connection politely (after a refusal the owner will not retry). */
  close(): void {
    this.ws?.close(1000);
  }

  /** Runs `task` after `ms` unless the connection closes (or the socket stops) first. */
  later(ms: number, task: () => void): void {
    this.cancelTimers.push(this.options.scheduler.after(ms, task));
  }

  stop(): Promise<void> {
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    return closeSocket(ws, this.options.scheduler);
  }

  private ping(ws: WebSocket): void {
    if (this.ws !== ws || ws.readyState !== WebSocket.OPEN) return;
    if (!this.alive) return this.drop(`${this.options.peer} stopped answering pings`);
    this.alive = false;
    ws.ping();
  }

  private closed(ws: WebSocket, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    this.clearTimers();
    const waitMs = this.options.onClose(code);
    if (waitMs !== null) this.later(waitMs, () => this.open());
  }

  private clearTimers(): void {
    for (const cancel of this.cancelTimers.splice(0)) cancel();
  }
}
