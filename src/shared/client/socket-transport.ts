import type { ClientMessage } from '../contract/envelope';
import type { ConnectionState, Transport } from './transport';

/** The part of the WebSocket API that browsers and the `ws` package both have. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface SocketTransportOptions {
  url: string;
  createSocket: (url: string) => SocketLike;
  /** Timer seam: returns a cancel function. */
  schedule: (run: () => void, ms: number) => () => void;
  requestTimeoutMs?: number;
  /** Reconnect after an unexpected close (the UI wants this; a one-shot CLI does not). */
  reconnect?: boolean;
  maxBackoffMs?: number;
}

const OPEN = 1;

interface Pending {
  resolve: (raw: unknown) => void;
  reject: (error: Error) => void;
  cancelTimer: () => void;
}

/** Envelope transport over a WebSocket, with request correlation, timeouts and reconnect. */
export class SocketTransport implements Transport {
  readonly kind = 'websocket' as const;
  private socket: SocketLike | null = null;
  private state: ConnectionState = 'connecting';
  private attempt = 0;
  private closedByUser = false;
  private cancelReconnect: (() => void) | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly outbox: string[] = [];
  private readonly eventListeners = new Set<(message: unknown) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(private readonly options: SocketTransportOptions) {
    this.connect();
  }

  request(message: ClientMessage): Promise<unknown> {
    if (this.closedByUser) return Promise.reject(new Error('Transport closed'));
    return new Promise((resolve, reject) => {
      const key = String(message.id);
      const cancelTimer = this.options.schedule(() => {
        this.pending.delete(key);
        reject(new Error(`No response to ${describe(message)} within ${this.timeoutMs()} ms`));
      }, this.timeoutMs());
      this.pending.set(key, { resolve, reject, cancelTimer });
      const frame = JSON.stringify(message);
      if (this.socket?.readyState === OPEN) this.socket.send(frame);
      else this.outbox.push(frame);
    });
  }

  onEvent(listener: (message: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  close(): void {
    this.closedByUser = true;
    this.cancelReconnect?.();
    this.socket?.close(1000, 'client closed');
    this.failPending('Transport closed');
    this.setState('closed');
  }

  private timeoutMs(): number {
    return this.options.requestTimeoutMs ?? 15_000;
  }

  private connect(): void {
    this.setState('connecting');
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      for (const frame of this.outbox.splice(0)) socket.send(frame);
      this.setState('open');
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => {
      // onclose follows and decides what to do.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failPending('Connection lost');
      if (this.closedByUser || this.options.reconnect === false) {
        this.setState('closed');
        return;
      }
      this.setState('connecting');
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const cap = this.options.maxBackoffMs ?? 10_000;
    const delay = Math.min(cap, 250 * 2 ** this.attempt);
    this.attempt += 1;
    this.cancelReconnect = this.options.schedule(() => {
      this.cancelReconnect = null;
      if (!this.closedByUser) this.connect();
    }, delay);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!isObject(message)) return;
    if (message.kind === 'event') {
      for (const listener of this.eventListeners) listener(message);
      return;
    }
    const key = String(message.id);
    const waiting = this.pending.get(key);
    if (!waiting) return;
    this.pending.delete(key);
    waiting.cancelTimer();
    waiting.resolve(message);
  }

  private failPending(reason: string): void {
    this.outbox.length = 0;
    for (const [key, waiting] of this.pending) {
      this.pending.delete(key);
      waiting.cancelTimer();
      waiting.reject(new Error(reason));
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state && state !== 'connecting') return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describe(message: ClientMessage): string {
  return message.kind === 'request' ? message.method : `${message.kind} ${message.topic}`;
}
