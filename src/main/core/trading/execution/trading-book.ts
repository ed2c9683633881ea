import type { Fill } from '../model/fill';
import { isOpen, type Order } from '../model/order';

/** The order manager's memory: every order by id and client id, and every fill once. */
export class TradingBook {
  readonly orders = new Map<string, Order>();
  private readonly byClientId = new Map<string, string>();
  private readonly fillIds = new Set<string>();
  readonly fills: Fill[] = [];

  put(order: Order): void {
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
    return [...this.orders.values()].filter((order) => order.parentId === parentId);
  }
}
