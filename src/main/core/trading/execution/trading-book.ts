import type { Fill } from '../model/fill';
import { isOpen, type Order } from '../model/order';

/** Reading the book without copying it: by id, client order id and parent, and what still works. */
export interface OrderLookup {
  get(id: string): Order | undefined;
  byClientOrderId(clientOrderId: string): Order | undefined;
  children(parentId: string): Order[];
  open(): Order[];
}

/** A lookup that reads whichever book `current` names at each call (one built later, or rebuilt). */
export function lateLookup(current: () => OrderLookup): OrderLookup {
  return {
    get: (id) => current().get(id),
    byClientOrderId: (clientOrderId) => current().byClientOrderId(clientOrderId),
    children: (parentId) => current().children(parentId),
    open: () => current().open(),
  };
}

/** The order manager's memory: every order by id, client id and parent, and every fill once. */
export class TradingBook implements OrderLookup {
  readonly orders = new Map<string, Order>();
  private readonly byClientId = new Map<string, string>();
  private readonly childIds = new Map<string, string[]>();
  private readonly fillIds = new Set<string>();
  readonly fills: Fill[] = [];

  put(order: Order): void {
    // An order's parent never changes, so it is indexed when the order is first seen.
    if (order.parentId !== null && !this.orders.has(order.id)) {
      const siblings = this.childIds.get(order.parentId);
      if (siblings) siblings.push(order.id);
      else this.childIds.set(order.parentId, [order.id]);
    }
    this.orders.set(order.id, order);
    this.byClientId.set(order.clientOrderId, order.id);
  }

  get(id: string): Order | undefined {
    return this.orders.get(id);
  }

  byClientOrderId(clientOrderId: string): Order | undefined {
    const id = this.byClientId.get(clientOrderId);
    return id === undefined ? undefined : this.orders.get(id);
  }

  /** False when this fill was booked before (a replayed report). */
  addFill(fill: Fill): boolean {
    if (this.fillIds.has(fill.id)) return false;
    this.fillIds.add(fill.id);
    this.fills.push(fill);
    return true;
  }

  open(): Order[] {
    return [...this.orders.values()].filter(isOpen);
  }

  /** Working orders of a symbol that may open or add to a position (exit legs excluded). */
  workingEntries(symbol: string): Order[] {
    return this.open().filter((order) => order.symbol === symbol && order.parentId === null);
  }

  children(parentId: string): Order[] {
    return (this.childIds.get(parentId) ?? []).map((id) => this.orders.get(id)!);
  }
}
