import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';

export interface SizingInput {
  equity: Money;
  /** Percent of equity to lose if the stop is hit, e.g. 1 for 1%. */
  riskPercent: Decimal;
  entryPrice: Price;
  stopPrice: Price;
  lotSize: Decimal;
}

export interface PositionSize {
  quantity: Quantity;
  riskAmount: Money;
  perUnitRisk: Price;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

/**
 * Fixed-fractional sizing: risk `riskPercent` of equity on the distance from entry to stop.
 * quantity = floor(riskAmount ÷ perUnitRisk ÷ lot) × lot, so the loss at the stop never
 * exceeds the risk amount. A zero stop distance, no equity, a non-positive percent or lot
 * size give quantity 0 rather than an error: the ticket shows "0" and the trader adjusts.
 */
export function sizePosition(input: SizingInput): PositionSize {
  const riskAmount = Decimal.max(input.equity.times(input.riskPercent).dividedBy(HUNDRED), ZERO) as Money;
  const perUnitRisk = input.entryPrice.minus(input.stopPrice).abs() as Price;
  if (perUnitRisk.isZero() || riskAmount.isZero() || input.lotSize.lessThanOrEqualTo(0)) {
    return { quantity: ZERO as Quantity, riskAmount, perUnitRisk };
  }
  const lotRisk = perUnitRisk.times(input.lotSize);
  let lots = riskAmount.dividedBy(lotRisk).floor();
  // The division rounds at 40 digits; never let that round up past the risk amount.
  if (lots.times(lotRisk).greaterThan(riskAmount)) lots = lots.minus(1);
  return { quantity: lots.times(input.lotSize) as Quantity, riskAmount, perUnitRisk };
}
