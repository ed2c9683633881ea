import type { Scheduler } from '../../../core/ports/scheduler';
import type { Order } from '../../../core/trading/model/order';
import { expectedLegCount } from './order-mapping';

export interface ReadyToSend {
  parent: Order;
  legs: Order[];
}

interface Waiting extends ReadyToSend {
  cancel: () => void;
}

/**
 * Bracket, OTO and OCO orders are one Alpaca request, but the order manager hands over the
 * entry and each exit leg separately (entry first). The entry waits here until its legs are
 * known; after `waitMs` it is sent with what arrived (Alpaca then refuses an incomplete one).
 */
export class LegAssembly {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly waitMs: number,
    private readonly sendLate: (parent: Order, legs: Order[]) => Promise<void>,
  ) {}

  /** The entry, and the legs already in the book: ready to send, or parked until they come. */
  offerParent(parent: Order, knownLegs: readonly Order[]): ReadyToSend | null {
    const need = expectedLegCount(parent);
    if (knownLegs.length >= need) return { parent, legs: [...knownLegs] };
    const cancel = this.scheduler.after(this.waitMs, () => {
      const entry = this.waiting.get(parent.id);
      if (!entry) return;
      this.waiting.delete(parent.id);
      void this.sendLate(entry.parent, entry.legs).catch(() => undefined);
    });
    this.waiting.set(parent.id, { parent, legs: [...knownLegs], cancel });
    return null;
  }

  /** A leg: completes its waiting entry (ready to send), or null. */
  offerLeg(leg: Order): ReadyToSend | null {
    const entry = leg.parentId === null ? undefined : this.waiting.get(leg.parentId);
    if (!entry) return null;
    if (!entry.legs.some((known) => known.id === leg.id)) entry.legs.push(leg);
    if (entry.legs.length < expectedLegCount(entry.parent)) return null;
    entry.cancel();
    this.waiting.delete(entry.parent.id);
    return { parent: entry.parent, legs: entry.legs };
  }

  isWaiting(parentId: string): boolean {
    return this.waiting.has(parentId);
  }

  /** A waiting entry canceled before it was sent: true when it was here. */
  withdraw(parentId: string): boolean {
    const entry = this.waiting.get(parentId);
    if (!entry) return false;
    entry.cancel();
    this.waiting.delete(parentId);
    return true;
  }

  clear(): void {
    for (const entry of this.waiting.values()) entry.cancel();
    this.waiting.clear();
  }
}
