import type { EquityPoint, KillSwitchState } from '@shared/dto/trading';
import type { Money } from '@shared/money/decimal';
import type { Order } from '../trading/model/order';
import type { Fill } from '../trading/model/fill';

/** A deposit or withdrawal (the paper account's opening cash is one). */
export interface CashMovement {
  id: string;
  amount: Money;
  time: number;
  note: string;
}

export type JournalEntry =
  /** The order as it now stands, and what changed it (`submitted`, a report kind, `risk_rejected`). */
  | { kind: 'order'; order: Order; event: string; time: number }
  | { kind: 'fill'; fill: Fill }
  | { kind: 'cash'; movement: CashMovement }
  | { kind: 'kill_switch'; state: KillSwitchState; time: number }
  /** How far the paper broker has consumed a replayable feed (see the crash test). */
  | { kind: 'cursor'; name: string; position: number };

export interface JournalState {
  /** Latest state of every order, oldest first. */
  orders: Order[];
  /** Every fill, in booking order. */
  fills: Fill[];
  cash: CashMovement[];
  killSwitch: KillSwitchState | null;
  cursors: Map<string, number>;
}

/**
 * The order journal. `append` writes all entries in one durable transaction or throws
 * (then nothing was written and nothing may be acknowledged). A fill id or client order id
 * seen before is not written twice: `append` reports such entries as duplicates.
 */
export interface TradingJournal {
  append(entries: readonly JournalEntry[]): { duplicates: number };
  load(): JournalState;
  /** True when an order with this client order id was ever journaled. */
  hasClientOrderId(clientOrderId: string): boolean;
  recordEquity(point: EquityPoint): void;
  equityHistory(limit: number): EquityPoint[];
}
