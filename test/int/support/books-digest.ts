import { toDecimalString } from '../../../src/shared/money/decimal';
import type { OrderManager } from '../../../src/main/core/trading/execution/order-manager';

/** The books as plain text, without wall-clock times: equal digests mean equal books. */
export function booksDigest(manager: OrderManager): unknown {
  const { book, ledger } = manager.books;
  const text = (value: { toFixed(): string } | null) => (value === null ? null : value.toFixed());
  return {
    orders: [...book.orders.values()]
      .sort((a, b) => a.clientOrderId.localeCompare(b.clientOrderId))
      .map((order) => [
        order.clientOrderId,
        order.type,
        order.side,
        order.status,
        text(order.quantity),
        text(order.filledQuantity),
        text(order.averageFillPrice),
        text(order.limitPrice),
        text(order.stopPrice),
        text(order.commission),
      ]),
    fills: book.fills.map((fill) => [fill.clientOrderId, text(fill.quantity), text(fill.price), text(fill.commission), fill.time]),
    positions: ledger.positions().map((position) => [position.symbol, text(position.quantity), text(position.costBasis)]),
    cash: toDecimalString(ledger.cash()),
  };
}
