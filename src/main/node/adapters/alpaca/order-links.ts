import { Decimal } from '@shared/money/decimal';
import type { Order } from '../../../core/trading/model/order';
import type { AlpacaTradingApi } from './trading-api';
import { legRoleOf } from './order-mapping';
import type { AlpacaOrder } from './wire';
import type { OrderLookup } from '../../../core/trading/execution/trading-book';

/**
 * Which Alpaca order is which of ours, and how much of each we have already reported filled.
 * Links are learned from submit and replace answers, from stream events (an order carries
 * our client order id; a leg is found through its parent) and from lookups.
 */
export class OrderLinks {
  private readonly alpacaByOurs = new Map<string, string>();
  private readonly oursByAlpaca = new Map<string, string>();
  /** Cumulative quantity reported filled per our order id: a fill at or below it is old news. */
  private readonly reported = new Map<string, Decimal>();

  link(ourId: string, alpacaId: string): void {
    this.alpacaByOurs.set(ourId, alpacaId);
    this.oursByAlpaca.set(alpacaId, ourId);
  }

  alpacaIdOf(ourId: string): string | undefined {
    return this.alpacaByOurs.get(ourId);
  }

  ourIdOf(alpacaId: string): string | undefined {
    return this.oursByAlpaca.get(alpacaId);
  }

  /**
   * Links an Alpaca order (and its legs) to ours: by a known Alpaca id, else by our client
   * order id; legs by role among our children of the parent. Returns our order or null.
   */
  learn(alpaca: AlpacaOrder, ours: OrderLookup): Order | null {
    const linked = this.oursByAlpaca.get(alpaca.id);
    const order = (linked === undefined ? ours.byClientOrderId(alpaca.client_order_id) : ours.get(linked)) ?? null;
    if (!order) return null;
    this.link(order.id, alpaca.id);
    for (const leg of alpaca.legs ?? []) {
      const role = legRoleOf(leg);
      const child = ours.children(order.id).find((candidate) => candidate.legRole === role && candidate.id !== order.id);
      if (child) this.link(child.id, leg.id);
    }
    return order;
  }

  /** What we have told the order manager this order filled (its book may say more). */
  reportedFilled(order: Pick<Order, 'id' | 'filledQuantity'>): Decimal {
    const mine = this.reported.get(order.id) ?? new Decimal(0);
    return Decimal.max(mine, order.filledQuantity);
  }

  markFilled(ourId: string, cumulative: Decimal): void {
    const previous = this.reported.get(ourId);
    if (!previous || cumulative.greaterThan(previous)) this.reported.set(ourId, cumulative);
  }
}

/** Learns an order's Alpaca id by its client order id, a leg's through its entry; null when Alpaca has none. */
export async function findAlpacaId(
  order: Order,
  links: OrderLinks,
  deps: { api: Pick<AlpacaTradingApi, 'getOrder' | 'orderByClientOrderId'>; orders: OrderLookup },
): Promise<string | null> {
  const parent = order.parentId === null ? undefined : deps.orders.get(order.parentId);
  const parentAlpaca = parent ? (links.alpacaIdOf(parent.id) ?? (await findAlpacaId(parent, links, deps))) : null;
  const lookup = parentAlpaca !== null ? deps.api.getOrder(parentAlpaca) : deps.api.orderByClientOrderId(order.clientOrderId);
  const found = await lookup.catch(() => null);
  if (found) links.learn(found, deps.orders);
  return links.alpacaIdOf(order.id) ?? null;
}
