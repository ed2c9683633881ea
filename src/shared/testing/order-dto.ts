import type { OrderDto } from '../dto/trading';

/** Test data: a working day limit buy of 100 SIM:SPY sent from the UI, as the contract carries it. */
export function orderDto(id: string, patch: Partial<OrderDto> = {}): OrderDto {
  return {
    id,
    clientOrderId: `c-${id}`,
    symbol: 'SIM:SPY',
    side: 'buy',
    type: 'limit',
    timeInForce: 'day',
    orderClass: 'simple',
    quantity: '100',
    notional: null,
    limitPrice: '450.25',
    stopPrice: null,
    trailAmount: null,
    trailPercent: null,
    trailReference: null,
    extendedHours: false,
    status: 'accepted',
    triggered: false,
    filledQuantity: '0',
    averageFillPrice: null,
    commission: '0',
    parentId: null,
    legRole: null,
    replaces: null,
    replacedBy: null,
    rejection: null,
    source: 'ui',
    createdAt: 0,
    updatedAt: 0,
    ...patch,
  };
}
