import type { FillDto, OrderDto, OrderStatus, PortfolioSnapshot } from '@shared/dto/trading';

/** Orders kept in the renderer; beyond this the oldest finished ones are dropped. */
export const ORDER_CAP = 2000;
/** Fills kept in the renderer, newest first. */
export const FILL_CAP = 2000;

export type OrdersById = Readonly<Record<string, OrderDto>>;

export const WORKING_STATUSES: readonly OrderStatus[] = ['pending_new', 'accepted', 'partially_filled'];
/** Finished without (complete) execution; a replaced order lives on under a new id. */
export const CANCELED_STATUSES: readonly OrderStatus[] = ['canceled', 'rejected', 'expired', 'replaced'];

export function isWorking(order: Pick<OrderDto, 'status'>): boolean {
  return WORKING_STATUSES.includes(order.status);
}

/** The newer of two versions of one order: the later `updatedAt` wins, a tie takes the incoming one. */
function newerOrder(current: OrderDto | undefined, next: OrderDto): OrderDto {
  return current && current.updatedAt > next.updatedAt ? current : next;
}

/**
 * Applies order updates to the book; returns the same object when nothing changed (so a
 * store subscriber sees no change for a stale update).
 */
export function upsertOrders(book: OrdersById, updates: Iterable<OrderDto>, cap = ORDER_CAP): OrdersById {
  let next: Record<string, OrderDto> | null = null;
  for (const order of updates) {
    const current = (next ?? book)[order.id];
    const kept = newerOrder(current, order);
    if (kept === current) continue;
    next ??= { ...book };
    next[order.id] = kept;
  }
  return next ? capOrders(next, cap) : book;
}

/** Drops the oldest finished orders beyond the cap; working orders always stay. */
function capOrders(book: Record<string, OrderDto>, cap: number): Record<string, OrderDto> {
  const ids = Object.keys(book);
  if (ids.length <= cap) return book;
  const finished = Object.values(book)
    .filter((order) => !isWorking(order))
    .sort((a, b) => a.updatedAt - b.updatedAt);
  for (const order of finished.slice(0, ids.length - cap)) delete book[order.id];
  return book;
}

/** Adds fills not seen before (by id), newest first, at most `cap`; the same array when none is new. */
export function mergeFills(current: readonly FillDto[], incoming: readonly FillDto[], cap = FILL_CAP): readonly FillDto[] {
  const seen = new Set(current.map((fill) => fill.id));
  const fresh: FillDto[] = [];
  for (const fill of incoming) {
    if (seen.has(fill.id)) continue;
    seen.add(fill.id);
    fresh.push(fill);
  }
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort(newestFillFirst).slice(0, cap);
}

function newestFillFirst(a: FillDto, b: FillDto): number {
  return b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The newer snapshot by account time; a tie takes the incoming one. */
export function newerSnapshot(current: PortfolioSnapshot | null, next: PortfolioSnapshot): PortfolioSnapshot {
  return current && current.account.time > next.account.time ? current : next;
}
