import { KILL_SWITCH_OFF, NO_RISK_LIMITS, type KillSwitchState, type RiskLimits } from '@shared/dto/trading';
import { Decimal, money, price, quantity, type Price } from '@shared/money/decimal';
import type { Order } from '../model/order';
import { T0, makeOrder } from '../model/test-order';
import type { RiskContext } from './risk-context';

/** Test support: risk contexts with plain defaults, overridden per test (orders from model/test-order). */
export { T0, makeOrder };

/** Loose inputs for a context: numbers or strings where the context wants decimals. */
export interface ContextInput {
  order?: Partial<Order>;
  limits?: Partial<RiskLimits>;
  killSwitch?: KillSwitchState;
  lastPrice?: string | number | null;
  /** Defaults to the order's limit, else its stop, else the last price (as the risk gate does). */
  referencePrice?: string | number | null;
  position?: string | number;
  working?: string | number;
  openPositionSymbols?: readonly string[];
  grossExposure?: string | number;
  buyingPower?: string | number;
  marginMultiplier?: string | number;
  dayPnl?: string | number;
  recentOrders?: readonly Order[];
  now?: number;
  lotSize?: string | number;
}

/** A context for a 100-share AAPL market buy at 100 in a 1,000,000 margin account, no limits on. */
export function makeContext(input: ContextInput = {}): RiskContext {
  const order = makeOrder(input.order);
  const last: Price | null = input.lastPrice === null ? null : price(input.lastPrice ?? 100);
  let reference: Price | null = order.limitPrice ?? order.stopPrice ?? last;
  if (input.referencePrice !== undefined) reference = input.referencePrice === null ? null : price(input.referencePrice);
  return {
    order,
    limits: { ...NO_RISK_LIMITS, ...input.limits },
    killSwitch: input.killSwitch ?? KILL_SWITCH_OFF,
    lastPrice: last,
    referencePrice: reference,
    positionQuantity: quantity(input.position ?? 0),
    workingQuantity: quantity(input.working ?? 0),
    openPositionSymbols: new Set(input.openPositionSymbols ?? []),
    grossExposure: money(input.grossExposure ?? 0),
    buyingPower: money(input.buyingPower ?? 1_000_000),
    marginMultiplier: new Decimal(input.marginMultiplier ?? 2),
    dayPnl: money(input.dayPnl ?? 0),
    recentOrders: input.recentOrders ?? [],
    now: input.now ?? T0,
    lotSize: new Decimal(input.lotSize ?? 1),
  };
}
