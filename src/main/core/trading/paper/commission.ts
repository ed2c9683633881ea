import type { CommissionModel } from '@shared/dto/trading';
import { Decimal, money, notional, toCents, type Money, type Price, type Quantity } from '@shared/money/decimal';

/**
 * Commission per fill, in cents (half-even).
 *
 * - none: 0.
 * - per_share: units × perShare, at least `minimum` and at most `maximumPercent` % of the
 *   value (the maximum wins when it is below the minimum). Minimum and maximum are per ORDER:
 *   each fill is charged the order's running total minus what earlier fills were charged, so
 *   partial fills never pay the minimum twice.
 * - per_order: `amount` on the order's first fill only.
 * - bps: value × bps / 10 000, at least `minimum` per FILL.
 * - tiered: per-unit rate of the first tier whose `upTo` is null or above the units traded
 *   this month before the fill (the whole fill pays that rate); `minimum` per order as above.
 */
export interface OrderCommissionState {
  /** Units and value filled before this fill, and what those fills were charged. */
  filledQuantity: Quantity;
  filledValue: Money;
  charged: Money;
  /**
   * The running uncapped per-unit total (per_share, tiered) before rounding; null when not
   * known (a restored order): rebuilt from the filled units at the current rate.
   */
  raw: Decimal | null;
}

export interface FillCommission {
  commission: Money;
  /** The order's running uncapped total after this fill (store it in the state); null when the model keeps none. */
  raw: Decimal | null;
}

const ZERO = new Decimal(0);

export function commissionForFill(
  model: CommissionModel,
  fill: { quantity: Quantity; price: Price },
  before: OrderCommissionState,
  monthUnitsBefore: Decimal,
): FillCommission {
  switch (model.model) {
    case 'none':
      return { commission: money(0), raw: null };
    case 'per_order':
      return { commission: before.filledQuantity.isZero() ? toCents(money(model.amount)) : money(0), raw: null };
    case 'bps': {
      const value = notional(fill.quantity, fill.price);
      const fee = Decimal.max(value.times(model.bps).dividedBy(10_000), model.minimum);
      return { commission: toCents(money(fee)), raw: null };
    }
    case 'per_share': {
      const value = notional(fill.quantity, fill.price);
      const earlier = before.raw ?? before.filledQuantity.times(model.perShare);
      const raw = earlier.plus(fill.quantity.times(model.perShare));
      const cap = model.maximumPercent === null ? null : before.filledValue.plus(value).times(model.maximumPercent).dividedBy(100);
      return runningTotal(raw, new Decimal(model.minimum), cap, before.charged);
    }
    case 'tiered': {
      const rate = tierRate(model.tiers, monthUnitsBefore);
      const raw = (before.raw ?? before.filledQuantity.times(rate)).plus(fill.quantity.times(rate));
      return runningTotal(raw, new Decimal(model.minimum), null, before.charged);
    }
  }
}

/** What one fresh order of this size at this price would pay in one fill (for previews). */
export function estimateCommission(model: CommissionModel, quantity: Quantity, price: Price, monthUnits: Decimal = ZERO): Money {
  const fresh: OrderCommissionState = { filledQuantity: ZERO as Quantity, filledValue: money(0), charged: money(0), raw: ZERO };
  return commissionForFill(model, { quantity, price }, fresh, monthUnits).commission;
}

/** The per-unit rate for a month that has traded `units` so far. */
export function tierRate(tiers: readonly { upTo: string | null; perShare: string }[], units: Decimal): Decimal {
  const tier = tiers.find((candidate) => candidate.upTo === null || new Decimal(candidate.upTo).greaterThan(units)) ?? tiers[tiers.length - 1];
  return new Decimal(tier?.perShare ?? 0);
}

function runningTotal(raw: Decimal, minimum: Decimal, cap: Decimal | null, charged: Money): FillCommission {
  let total = Decimal.max(raw, minimum);
  if (cap !== null) total = Decimal.min(total, cap);
  const commission = toCents(money(total)).minus(charged);
  return { commission: money(Decimal.max(commission, 0)), raw };
}

/**
 * Units traded per month, for tiered rates. Months are keys such as '2024-03'; a new month
 * starts from zero. The host may seed the current month from the journal after a restart.
 */
export class MonthlyVolume {
  private month: string | null = null;
  private units: Decimal = ZERO;

  constructor(private readonly monthOf: (time: number) => string) {}

  before(time: number): Decimal {
    return this.monthOf(time) === this.month ? this.units : ZERO;
  }

  add(time: number, qty: Decimal): void {
    const month = this.monthOf(time);
    this.units = (month === this.month ? this.units : ZERO).plus(qty);
    this.month = month;
  }

  set(month: string, units: Decimal): void {
    this.month = month;
    this.units = units;
  }
}
