import { money, price, quantity } from '../../../src/shared/money/decimal';
import type { Fill } from '../../../src/main/core/trading/model/fill';
import type { Order } from '../../../src/main/core/trading/model/order';
import { makeOrder } from '../../../src/main/core/trading/model/test-order';
import type { JournalEntry } from '../../../src/main/core/ports/trading-journal';

export const T0 = Date.UTC(2024, 2, 4, 14, 30);

/** A plain limit buy of 10 AAPL at 190.25, just accepted; override what a test is about. */
export function journalOrder(overrides: Partial<Order> = {}): Order {
  return makeOrder({
    id: 'o-1',
    clientOrderId: 'k-1',
    type: 'limit',
    quantity: quantity('10'),
    limitPrice: price('190.25'),
    status: 'accepted',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  });
}

export function journalFill(overrides: Partial<Fill> = {}): Fill {
  return {
    id: 'f-1',
    orderId: 'o-1',
    clientOrderId: 'k-1',
    symbol: 'AAPL',
    side: 'buy',
    quantity: quantity('10'),
    price: price('190.25'),
    commission: money('1'),
    time: T0 + 1_000,
    ...overrides,
  };
}

/** Batch n of the crash child: order o-n submitted then filled, fill f-n, cash m-n, cursor n. */
export function crashBatch(n: number): JournalEntry[] {
  const time = T0 + n * 1_000;
  const submitted = journalOrder({ id: `o-${n}`, clientOrderId: `k-${n}`, status: 'pending_new', createdAt: time, updatedAt: time });
  const filled: Order = { ...submitted, status: 'filled', filledQuantity: quantity('10'), averageFillPrice: price('190.25'), updatedAt: time + 1 };
  return [
    { kind: 'order', order: submitted, event: 'submitted', time },
    { kind: 'order', order: filled, event: 'fill', time: time + 1 },
    { kind: 'fill', fill: journalFill({ id: `f-${n}`, orderId: `o-${n}`, clientOrderId: `k-${n}`, time: time + 1 }) },
    { kind: 'cash', movement: { id: `m-${n}`, amount: money(String(n + 1)), time, note: `batch ${n}` } },
    { kind: 'cursor', name: 'batch', position: n },
  ];
}
