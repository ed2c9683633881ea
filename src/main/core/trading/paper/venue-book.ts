import type { OrderClass, OrderStatus } from '@shared/dto/trading';
import { isExitLeg, ocoGroup, type WorkingOrder } from './working-order';

/** How an order left the venue: enough to place legs that arrive after it. */
export interface FinishedOrder {
  status: OrderStatus;
  orderClass: OrderClass;
  anyFill: boolean;
  fullyFilled: boolean;
  replacedBy: string | null;
}

/** Finished multi-leg orders remembered for late legs; the oldest are forgotten first. */
const FINISHED_LIMIT = 10_000;

/** The venue's working orders, by id and per symbol in creation order. */
export class VenueBook {
  private readonly byId = new Map<string, WorkingOrder>();
  private readonly bySymbol = new Map<string, WorkingOrder[]>();
  private readonly finished = new Map<string, FinishedOrder>();
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(working: WorkingOrder): void {
    this.byId.set(working.order.id, working);
    const list = this.bySymbol.get(working.order.symbol) ?? [];
    list.push(working);
    list.sort((a, b) => a.seq - b.seq);
    this.bySymbol.set(working.order.symbol, list);
  }

  get(id: string): WorkingOrder | undefined {
    return this.byId.get(id);
  }

  /** Removes a working order and remembers how it ended (multi-leg orders only). */
  finish(working: WorkingOrder, outcome: Omit<FinishedOrder, 'orderClass'>): void {
    const { order } = working;
    this.byId.delete(order.id);
    const list = this.bySymbol.get(order.symbol);
    if (list) {
      const rest = list.filter((candidate) => candidate !== working);
      if (rest.length > 0) this.bySymbol.set(order.symbol, rest);
      else this.bySymbol.delete(order.symbol);
    }
    this.remember(order, outcome.status, outcome);
  }

  /** Remembers how a multi-leg order ended, for legs that arrive later. */
  remember(order: Pick<WorkingOrder['order'], 'id' | 'orderClass'>, status: OrderStatus, outcome?: Omit<FinishedOrder, 'orderClass' | 'status'>): void {
    if (order.orderClass === 'simple') return;
    const rest = outcome ?? { anyFill: false, fullyFilled: false, replacedBy: null };
    this.finished.set(order.id, { anyFill: rest.anyFill, fullyFilled: rest.fullyFilled, replacedBy: rest.replacedBy, status, orderClass: order.orderClass });
    if (this.finished.size > FINISHED_LIMIT) {
      const oldest = this.finished.keys().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }

  /** Follows replacements to the order that now stands for `id`. */
  resolve(id: string): { working: WorkingOrder } | { finished: FinishedOrder; id: string } | null {
    let current = id;
    for (let hops = 0; hops < 100; hops += 1) {
      const working = this.byId.get(current);
      if (working) return { working };
      const finished = this.finished.get(current);
      if (!finished) return null;
      if (finished.replacedBy === null) return { finished, id: current };
      current = finished.replacedBy;
    }
    return null;
  }

  /** A snapshot of a symbol's working orders in creation order. */
  ofSymbol(symbol: string): readonly WorkingOrder[] {
    return [...(this.bySymbol.get(symbol) ?? [])];
  }

  all(): WorkingOrder[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq);
  }

  hasSymbol(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  /** Exit legs held for (or belonging to) an entry. */
  children(parentId: string): WorkingOrder[] {
    const legs: WorkingOrder[] = [];
    for (const working of this.byId.values()) if (working.parentKey === parentId && isExitLeg(working.order)) legs.push(working);
    return legs.length > 1 ? legs.sort((a, b) => a.seq - b.seq) : legs;
  }

  /** The working legs that one-cancels-other pairs with `working`. */
  siblings(working: WorkingOrder): WorkingOrder[] {
    const group = ocoGroup(working);
    if (group === null) return [];
    return this.all().filter((other) => other !== working && other.armed && ocoGroup(other) === group);
  }

  /** Legs that pointed at `from` now belong to `to` (the entry was replaced). */
  repoint(from: string, to: string): void {
    for (const working of this.byId.values()) if (working.parentKey === from) working.parentKey = to;
  }

  clear(): void {
    this.byId.clear();
    this.bySymbol.clear();
  }
}
