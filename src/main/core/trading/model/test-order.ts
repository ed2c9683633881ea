import { money, quantity } from '@shared/money/decimal';
import type { Order } from './order';

/** Test support: a domain order with plain defaults, overridden per test. */
export const T0 = 1_700_000_000_000;

/** A working day buy of 100 AAPL at market, placed at T0 from the UI. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'O-1',
    clientOrderId: 'client-1',
    symbol: 'AAPL',
    side: 'buy',
    type: 'market',
    timeInForce: 'day',
    orderClass: 'simple',
    quantity: quantity(100),
    notional: null,
    limitPrice: null,
    stopPrice: null,
    trailAmount: null,
    trailPercent: null,
    trailReference: null,
    extendedHours: false,
    status: 'pending_new',
    triggered: false,
    filledQuantity: quantity(0),
    averageFillPrice: null,
    commission: money(0),
    parentId: null,
    legRole: null,
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: 'ui',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}
