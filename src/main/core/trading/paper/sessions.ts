import type { TimeInForce } from '@shared/dto/trading';
import type { Order } from '../model/order';

/**
 * Session and time-in-force rules of the paper venue.
 *
 * - Orders work (trigger, trail and fill) only in the regular session; limit orders marked
 *   `extendedHours` also in the pre- and post-market. Crypto and always-open instruments
 *   are always in the regular session.
 * - day, opg and cls orders expire at the regular close of the trading day they were
 *   created on; created after that close (or on a closed day), at the next regular close.
 *   An instrument without sessions has no close, so there they never expire.
 * - opg works only on the first regular-session event of a day (the open) and expires on
 *   it with whatever did not fill; created during the regular session it is refused.
 * - cls works from one minute before the regular close until the close, then expires.
 */
export type MarketPhase = 'closed' | 'pre' | 'regular' | 'post';

export const CLS_WINDOW_MS = 60_000;

export function sessionAllows(order: Pick<Order, 'type' | 'extendedHours'>, phase: MarketPhase): boolean {
  if (phase === 'regular') return true;
  if (phase === 'closed') return false;
  return order.extendedHours && order.type === 'limit';
}

export function expiresAtClose(timeInForce: TimeInForce): boolean {
  return timeInForce === 'day' || timeInForce === 'opg' || timeInForce === 'cls';
}

/**
 * The close an order created at `createdAt` expires at, seen from an instant whose regular
 * close is `close`: that close once it is after the creation, else not known yet (null).
 */
export function expiryFrom(createdAt: number, close: number | null): number | null {
  return close !== null && close > createdAt ? close : null;
}

/** Whether a cls order may work at `time` in a session closing at `close`. */
export function inClosingWindow(time: number, close: number | null): boolean {
  return close !== null && time >= close - CLS_WINDOW_MS && time < close;
}

export function alwaysOpen(spec: { assetClass: string; alwaysOpen?: boolean }): boolean {
  return spec.assetClass === 'crypto' || spec.alwaysOpen === true;
}

export interface SessionAt {
  phase: MarketPhase;
  /** The regular close of the trading day, or null (a closed day, or no sessions). */
  close: number | null;
}

/**
 * Phase and close per symbol, cached by the minute: session edges fall on whole New York
 * minutes, and the calendar's time-zone arithmetic costs hundreds of microseconds a call,
 * too much for every market event.
 */
export class SessionLookup {
  private readonly cache = new Map<string, SessionAt & { minute: number }>();

  constructor(
    private readonly phaseOf: (symbol: string, time: number) => MarketPhase,
    private readonly closeOf: (symbol: string, time: number) => number | null,
  ) {}

  at(symbol: string, time: number): SessionAt {
    const minute = Math.floor(time / 60_000);
    const known = this.cache.get(symbol);
    if (known && known.minute === minute) return known;
    const fresh = { minute, phase: this.phaseOf(symbol, time), close: this.closeOf(symbol, time) };
    this.cache.set(symbol, fresh);
    return fresh;
  }
}
