import type { FillDto, OrderDto } from '@shared/dto/trading';
import { CANCELED_STATUSES, WORKING_STATUSES, type OrdersById } from './order-book';

/**
 * Views of the order book, newest first. They build new arrays: call them from `useMemo` over
 * the store's `orders` object (stable until an order changes), not as a store selector.
 */

function newestFirst(a: OrderDto, b: OrderDto): number {
  return b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function allOrders(orders: OrdersById): OrderDto[] {
  return Object.values(orders).sort(newestFirst);
}

/** Orders still at the broker: pending_new, accepted, partially_filled. */
export function workingOrders(orders: OrdersById): OrderDto[] {
  return allOrders(orders).filter((order) => WORKING_STATUSES.includes(order.status));
}

export function filledOrders(orders: OrdersById): OrderDto[] {
  return allOrders(orders).filter((order) => order.status === 'filled');
}

/** Finished without filling: canceled, rejected, expired, and replaced by a modification. */
export function canceledOrders(orders: OrdersById): OrderDto[] {
  return allOrders(orders).filter((order) => CANCELED_STATUSES.includes(order.status));
}

export function ordersForSymbol(orders: OrdersById, symbol: string): OrderDto[] {
  return allOrders(orders).filter((order) => order.symbol === symbol);
}

export function workingOrdersForSymbol(orders: OrdersById, symbol: string): OrderDto[] {
  return workingOrders(orders).filter((order) => order.symbol === symbol);
}

export function fillsForSymbol(fills: readonly FillDto[], symbol: string): FillDto[] {
  return fills.filter((fill) => fill.symbol === symbol);
}
