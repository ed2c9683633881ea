import { describe, expect, it } from 'vitest';
import type { EquityPoint } from '@shared/dto/trading';
import { intlOffset } from '../chart/chart-time';
import { equityCurves } from './equity-series';

const point = (time: number, equity: string): EquityPoint => ({ time, equity, cash: equity });
const utc = (): number => 0;

describe('equityCurves', () => {
  it('draws equity and the percent below its running peak', () => {
    const curves = equityCurves([point(1_000, '100000'), point(2_000, '110000'), point(3_000, '99000'), point(4_000, '121000')], utc);
    expect(curves.equity).toEqual([
      { time: 1, value: 100_000 },
      { time: 2, value: 110_000 },
      { time: 3, value: 99_000 },
      { time: 4, value: 121_000 },
    ]);
    expect(curves.drawdown.map((p) => p.time)).toEqual([1, 2, 3, 4]);
    const [first, second, third, fourth] = curves.drawdown.map((p) => p.value);
    expect([first, second, fourth]).toEqual([0, 0, 0]);
    expect(third).toBeCloseTo(-10, 10);
  });

  it('keeps one point per chart second, the last, and sorts by time', () => {
    const curves = equityCurves([point(2_500, '90'), point(1_000, '100'), point(2_100, '80')], utc);
    expect(curves.equity).toEqual([
      { time: 1, value: 100 },
      { time: 2, value: 90 },
    ]);
    expect(curves.drawdown[1]?.value).toBeCloseTo(-10, 10);
  });

  it('shifts times into the clock zone', () => {
    // 2024-07-01 13:30 UTC is 09:30 in New York (UTC-4 in summer).
    const at = Date.UTC(2024, 6, 1, 13, 30);
    const curves = equityCurves([point(at, '1')], intlOffset('America/New_York'));
    expect(curves.equity[0]?.time).toBe(Date.UTC(2024, 6, 1, 9, 30) / 1000);
  });
});
