import type { SubscriptionSet } from './parse-frame';

export type DataChannel = keyof SubscriptionSet;
export const ALL_DATA_CHANNELS: readonly DataChannel[] = ['trades', 'quotes', 'bars'];

export interface SubscriptionRequest {
  action: 'subscribe' | 'unsubscribe';
  trades?: string[];
  quotes?: string[];
  bars?: string[];
}

const EMPTY: SubscriptionSet = { trades: [], quotes: [], bars: [] };

/**
 * The symbols we want and what Alpaca says we have. Every `subscription` reply lists the whole
 * current set, so the latest reply is the truth, whatever was asked before it; a symbol still
 * missing once every request is answered is one Alpaca would not give us.
 */
export class SubscriptionBook {
  private readonly desired = new Set<string>();
  private confirmed: SubscriptionSet = EMPTY;
  private pending = 0;

  constructor(private readonly channels: readonly DataChannel[]) {}

  /** Symbols not wanted before. */
  add(symbols: readonly string[]): string[] {
    const fresh = [...new Set(symbols)].filter((s) => !this.desired.has(s));
    for (const s of fresh) this.desired.add(s);
    return fresh;
  }

  /** Symbols that were wanted. */
  remove(symbols: readonly string[]): string[] {
    return [...new Set(symbols)].filter((s) => this.desired.delete(s));
  }

  wants(symbol: string): boolean {
    return this.desired.has(symbol);
  }

  wanted(): string[] {
    return [...this.desired];
  }

  /** A request for these symbols on every channel in use; counted until Alpaca answers it. */
  request(action: SubscriptionRequest['action'], symbols: readonly string[]): SubscriptionRequest {
    this.pending += 1;
    const message: SubscriptionRequest = { action };
    for (const channel of this.channels) message[channel] = [...symbols];
    return message;
  }

  /** A fresh connection has no subscriptions and no requests in flight. */
  reset(): void {
    this.confirmed = EMPTY;
    this.pending = 0;
  }

  /** Alpaca's `subscription` reply: the whole current set. */
  answered(set: SubscriptionSet): void {
    this.confirmed = set;
    this.pending = Math.max(0, this.pending - 1);
  }

  /** Alpaca refused a request with an error instead of a reply. */
  refused(): void {
    this.pending = Math.max(0, this.pending - 1);
  }

  current(): SubscriptionSet {
    return this.confirmed;
  }

  /** Wanted symbols missing from some channel, once no request is in flight. */
  unconfirmed(): string[] {
    if (this.pending > 0) return [];
    const has = this.channels.map((channel) => new Set(this.confirmed[channel]));
    return this.wanted().filter((symbol) => has.some((set) => !set.has(symbol) && !set.has('*')));
  }
}
