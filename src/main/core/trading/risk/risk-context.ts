import type { KillSwitchState, RiskLimits, RiskRule } from '@shared/dto/trading';
import type { Decimal, Money, Price, Quantity } from '@shared/money/decimal';
import type { Order } from '../model/order';

/** Everything a pre-trade check may look at, gathered by the order manager for one order. */
export interface RiskContext {
  /** The order as it would go to the broker (quantity already derived from a notional). */
  order: Order;
  limits: RiskLimits;
  killSwitch: KillSwitchState;
  /** Last trade (or mid, or bar close) of the order's symbol; null when the engine has none. */
  lastPrice: Price | null;
  /** The price the checks value the order at: the limit or stop price, else the last price. */
  referencePrice: Price | null;
  /** Signed quantity held in the order's symbol now. */
  positionQuantity: Quantity;
  /** Signed quantity the working orders of this symbol would add if all filled (buys +, sells −). */
  workingQuantity: Quantity;
  /** Symbols with a non-zero position now. */
  openPositionSymbols: ReadonlySet<string>;
  /** Sum of |quantity × last| over every position now. */
  grossExposure: Money;
  buyingPower: Money;
  /** 1 for a cash account: no shorting. */
  marginMultiplier: Decimal;
  /** Equity now minus equity at the start of the trading day. */
  dayPnl: Money;
  /** Orders accepted by the checks within the duplicate window, newest last. */
  recentOrders: readonly Order[];
  now: number;
  lotSize: Decimal;
}

/** A check's verdict: pass, or the rule and the numbers it compared. */
export type RiskVerdict =
  | { ok: true }
  | { ok: false; rule: RiskRule; message: string; limit: string | null; actual: string | null };
