import type { Money, Price, Quantity } from '@shared/money/decimal';

/**
 * What a broker says happened to an order. Brokers (paper, Alpaca) only report; the order
 * manager applies reports through the state machine, journals them, then acknowledges.
 */
export type ExecutionReport =
  | { kind: 'accepted'; orderId: string; time: number }
  | { kind: 'rejected'; orderId: string; time: number; reason: string }
  /** A stop, stop-limit or trailing stop was touched; it now works as a market or limit order. */
  | { kind: 'triggered'; orderId: string; time: number }
  /** A trailing stop's reference (best price since armed) and so its stop price moved. */
  | { kind: 'trail_moved'; orderId: string; time: number; reference: Price; stopPrice: Price }
  | {
      kind: 'fill';
      orderId: string;
      time: number;
      /** Unique per execution; the journal refuses a second fill with the same id. */
      fillId: string;
      quantity: Quantity;
      price: Price;
      commission: Money;
    }
  | { kind: 'canceled'; orderId: string; time: number; reason: string }
  | { kind: 'expired'; orderId: string; time: number }
  /** The order was replaced by `newOrderId` (which then gets its own `accepted`). */
  | { kind: 'replaced'; orderId: string; time: number; newOrderId: string };

export type ExecutionReportKind = ExecutionReport['kind'];
