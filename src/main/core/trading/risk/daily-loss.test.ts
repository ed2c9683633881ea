import { describe, expect, it } from 'vitest';
import { money } from '@shared/money/decimal';
import { dayLoss, shouldTripKillSwitch } from './daily-loss';
import { NO_RISK_LIMITS } from '@shared/dto/trading';

const limits = { ...NO_RISK_LIMITS, maxDailyLoss: '5000' };

describe('shouldTripKillSwitch', () => {
  it('does not trip on a winning day or a loss inside the limit', () => {
    expect(shouldTripKillSwitch(money('1200.50'), limits)).toEqual({ trip: false });
    expect(shouldTripKillSwitch(money('-4999.99'), limits)).toEqual({ trip: false });
  });

  it('trips when the loss reaches the limit exactly', () => {
    expect(shouldTripKillSwitch(money('-5000'), limits)).toEqual({
      trip: true,
      reason: 'Day loss 5,000.00 reached the daily loss limit 5,000.00',
    });
  });

  it('trips past the limit and names both numbers', () => {
    const verdict = shouldTripKillSwitch(money('-5200.456'), limits);
    expect(verdict).toEqual({ trip: true, reason: 'Day loss 5,200.46 reached the daily loss limit 5,000.00' });
  });

  it('never trips when the limit is off', () => {
    expect(shouldTripKillSwitch(money('-1000000'), NO_RISK_LIMITS)).toEqual({ trip: false });
  });
});

describe('dayLoss', () => {
  it('is the loss as a positive amount, zero on a winning day', () => {
    expect(dayLoss(money('-312.40')).toFixed(2)).toBe('312.40');
    expect(dayLoss(money('88')).isZero()).toBe(true);
  });
});
