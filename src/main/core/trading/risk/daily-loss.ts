import type { RiskLimits } from '@shared/dto/trading';
import { Decimal, type Money } from '@shared/money/decimal';
import { formatMoney } from './rules/verdict';

export type DailyLossVerdict = { trip: true; reason: string } | { trip: false };

/** The day's loss as a positive amount (0 on a winning day). */
export function dayLoss(dayPnl: Money): Money {
  return (dayPnl.isNegative() ? dayPnl.negated() : new Decimal(0)) as Money;
}

/**
 * Whether the day's P&L has used up the daily-loss limit: a loss at or past the limit trips
 * (a loss of exactly 5,000.00 against 5,000 trips). A null limit never trips.
 */
export function shouldTripKillSwitch(dayPnl: Money, limits: RiskLimits): DailyLossVerdict {
  if (limits.maxDailyLoss === null) return { trip: false };
  const limit = new Decimal(limits.maxDailyLoss);
  if (dayPnl.greaterThan(limit.negated())) return { trip: false };
  return {
    trip: true,
    reason: `Day loss ${formatMoney(dayLoss(dayPnl))} reached the daily loss limit ${formatMoney(limit)}`,
  };
}
