import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import { isMultipleOf } from './validation-support';

describe('isMultipleOf', () => {
  it('takes whole numbers, and only those, for a step of 1', () => {
    expect(isMultipleOf(new Decimal('250'), new Decimal(1))).toBe(true);
    expect(isMultipleOf(new Decimal('0'), new Decimal('1.0'))).toBe(true);
    expect(isMultipleOf(new Decimal('250.5'), new Decimal(1))).toBe(false);
    expect(isMultipleOf(new Decimal('0.000000000000000001'), new Decimal(1))).toBe(false);
    expect(isMultipleOf(new Decimal('99999999999999999999.000000000000000001'), new Decimal(1))).toBe(false);
  });

  it('checks other steps by the remainder, and a step of 0 constrains nothing', () => {
    expect(isMultipleOf(new Decimal('100.25'), new Decimal('0.05'))).toBe(true);
    expect(isMultipleOf(new Decimal('100.26'), new Decimal('0.05'))).toBe(false);
    expect(isMultipleOf(new Decimal('30'), new Decimal(10))).toBe(true);
    expect(isMultipleOf(new Decimal('0.3'), new Decimal(0))).toBe(true);
  });
});
