import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../ports/random';
import { Gaussian, TRADE_SIZE_MEAN, TRADE_SIZE_SD, poisson, tradeSize } from './distributions';

const moments = (values: number[]) => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
};

describe('simulator distributions', () => {
  it('draws standard normals', () => {
    const gaussian = new Gaussian(seededRandom(1));
    const { mean, sd } = moments(Array.from({ length: 100_000 }, () => gaussian.next()));
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeCloseTo(1, 2);
  });

  it('draws Poisson counts with the asked mean, small or large', () => {
    const random = seededRandom(2);
    const gaussian = new Gaussian(random);
    for (const mean of [0.4, 12, 80]) {
      const draws = Array.from({ length: 50_000 }, () => poisson(random, gaussian, mean));
      expect(moments(draws).mean / mean).toBeCloseTo(1, 1);
      expect(moments(draws).sd / Math.sqrt(mean)).toBeCloseTo(1, 1);
    }
    expect(poisson(random, gaussian, 0)).toBe(0);
  });

  it('sizes trades as the constants used for bulk volume say', () => {
    const random = seededRandom(3);
    const sizes = Array.from({ length: 200_000 }, () => tradeSize(random));
    const { mean, sd } = moments(sizes);
    expect(mean / TRADE_SIZE_MEAN).toBeCloseTo(1, 2);
    expect(sd / TRADE_SIZE_SD).toBeCloseTo(1, 1);
    expect(sizes.every((s) => Number.isInteger(s) && s >= 1 && (s < 100 || s % 100 === 0))).toBe(true);
  });
});
