import type { Quantity, Money } from '@shared/money/decimal';
import type { BrokerPosition } from '../../../core/ports/broker';
import type { Order } from '../../../core/trading/model/order';
import { isAlpacaWorking, orderFromAlpaca } from './order-mapping';
import { alpacaDecimal } from './parse-values';
import type { AlpacaOrder, AlpacaPosition } from './wire';

/** Alpaca's positions with signed quantities (a short is negative) and exact decimals. */
export function brokerPositions(positions: readonly AlpacaPosition[]): BrokerPosition[] {
  return positions.map((position) => {
    const size = alpacaDecimal(position.qty, 'qty').abs();
    return {
      symbol: position.symbol,
      quantity: (position.side === 'short' ? size.negated() : size) as Quantity,
      costBasis: alpacaDecimal(position.cost_basis, 'cost_basis') as Money,
    };
  });
}

/** Alpaca's working orders, legs included: ours with Alpaca's status and fills, others built from Alpaca's fields. */
export function workingOrders(open: readonly AlpacaOrder[], oursOf: (alpacaId: string) => Order | null): Order[] {
  return open
    .flatMap((order) => [order, ...(order.legs ?? [])])
    .filter((order) => isAlpacaWorking(order.status))
    .map((alpaca) => orderFromAlpaca(alpaca, oursOf(alpaca.id)));
}
