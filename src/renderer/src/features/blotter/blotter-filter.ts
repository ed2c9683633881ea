import type { OrderDto } from '@shared/dto/trading';
import type { OrdersById } from '../../store/trading/order-book';
import { allOrders, canceledOrders, filledOrders, workingOrders } from '../../store/trading/trading-selectors';

export type BlotterFilter = 'working' | 'filled' | 'canceled' | 'all';

export const BLOTTER_FILTERS: readonly { id: BlotterFilter; label: string; title: string }[] = [
  { id: 'working', label: 'Working', title: 'Pending, accepted and partially filled' },
  { id: 'filled', label: 'Filled', title: 'Completely filled' },
  { id: 'canceled', label: 'Canceled', title: 'Canceled, rejected, expired and replaced' },
  { id: 'all', label: 'All', title: 'Every order' },
];

const SELECT: Record<BlotterFilter, (orders: OrdersById) => OrderDto[]> = {
  working: workingOrders,
  filled: filledOrders,
  canceled: canceledOrders,
  all: allOrders,
};

/** The orders a filter shows, newest first. */
export function filterOrders(orders: OrdersById, filter: BlotterFilter): OrderDto[] {
  return SELECT[filter](orders);
}

/** How many orders each filter would show, for the filter buttons. */
export function filterCounts(orders: OrdersById): Record<BlotterFilter, number> {
  return {
    working: workingOrders(orders).length,
    filled: filledOrders(orders).length,
    canceled: canceledOrders(orders).length,
    all: Object.keys(orders).length,
  };
}
