import { describe, expect, it } from 'vitest';
import { conditionName, conditionRules, eligibilityMask, UPDATES_ALL, UPDATES_HIGH_LOW, UPDATES_VOLUME } from './trade-conditions';

describe('trade condition rules', () => {
  it('follows the consolidated matrix for prices and volume', () => {
    expect(conditionRules(37)).toEqual({ updatesHighLow: false, updatesLast: false, updatesVolume: true }); // odd lot
    expect(conditionRules(2)).toEqual({ updatesHighLow: false, updatesLast: false, updatesVolume: true }); // average price
    expect(conditionRules(10)).toEqual({ updatesHighLow: true, updatesLast: false, updatesVolume: true }); // derivatively priced
    expect(conditionRules(22)).toEqual({ updatesHighLow: true, updatesLast: false, updatesVolume: true }); // prior reference price
    expect(conditionRules(53)).toEqual({ updatesHighLow: false, updatesLast: false, updatesVolume: true }); // QCT
    expect(conditionRules(15)).toEqual({ updatesHighLow: false, updatesLast: false, updatesVolume: false }); // official close
    expect(conditionRules(38)).toEqual({ updatesHighLow: true, updatesLast: true, updatesVolume: false }); // corrected close
    expect(conditionRules(14)).toEqual({ updatesHighLow: true, updatesLast: true, updatesVolume: true }); // ISO
  });

  it('lets Form T trades set prices in intraday bars but only add volume to daily bars', () => {
    expect(conditionRules(12, 'daily')).toEqual({ updatesHighLow: false, updatesLast: false, updatesVolume: true });
    expect(conditionRules(12, 'intraday')).toEqual({ updatesHighLow: true, updatesLast: true, updatesVolume: true });
    expect(conditionRules(13, 'intraday')).toEqual({ updatesHighLow: true, updatesLast: false, updatesVolume: true });
  });

  it('restricts nothing for indicators and unknown ids', () => {
    expect(conditionRules(60)).toEqual({ updatesHighLow: true, updatesLast: true, updatesVolume: true });
    expect(conditionRules(500)).toEqual({ updatesHighLow: true, updatesLast: true, updatesVolume: true });
  });

  it('requires every condition of a trade to allow a field', () => {
    expect(eligibilityMask([], 'daily')).toBe(UPDATES_ALL);
    expect(eligibilityMask([14, 41], 'daily')).toBe(UPDATES_ALL);
    expect(eligibilityMask([14, 37], 'daily')).toBe(UPDATES_VOLUME);
    expect(eligibilityMask([12, 14], 'daily')).toBe(UPDATES_VOLUME);
    expect(eligibilityMask([12, 14], 'intraday')).toBe(UPDATES_ALL);
    expect(eligibilityMask([10, 41], 'daily')).toBe(UPDATES_HIGH_LOW | UPDATES_VOLUME);
    expect(eligibilityMask([15], 'intraday')).toBe(0);
  });

  it('names the conditions it knows', () => {
    expect(conditionName(37)).toBe('Odd Lot Trade');
    expect(conditionName(99)).toBeNull();
  });
});
