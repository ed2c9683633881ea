import type { Money, Quantity } from '@shared/money/decimal';
import type { Order } from '../trading/model/order';
import type { ExecutionReport } from '../trading/model/execution-report';

/** What the broker holds, for reconciliation at start and after a reconnect. */
export interface BrokerOrderState {
  order: Order;
}

export interface BrokerPosition {
  symbol: string;
  quantity: Quantity;
  costBasis: Money;
}

/**
 * A venue behind one interface: the paper broker, Alpaca. Brokers report through
 * `onReport` (perhaps synchronously inside `submit`); the order manager owns order state,
 * journals every report and only then acknowledges.
 */
export interface Broker {
  readonly name: string;
  readonly mode: 'paper' | 'live';
  submit(order: Order): Promise<void> | void;
  cancel(order: Order): Promise<void> | void;
  /** `next` is a new order (new id, `replaces` = old id); the old one reports `replaced`. */
  replace(old: Order, next: Order): Promise<void> | void;
  onReport(listener: (report: ExecutionReport) => void): () => void;
  /**
   * After a restart: the journal's working orders. The paper broker re-arms them; a real
   * broker reconciles them with what it holds and reports the differences.
   */
  restore(orders: readonly Order[]): Promise<void> | void;
  /** Working orders as the broker sees them. */
  openOrders(): Promise<readonly Order[]> | readonly Order[];
  positions(): Promise<readonly BrokerPosition[]> | readonly BrokerPosition[];
}
