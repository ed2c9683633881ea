import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/ports/random';
import { fullJitterDelay, halfJitterDelay } from './backoff';

describe('fullJitterDelay', () => {
  it('spreads waits over a window that doubles up to the cap', () => {
    const random = seededRandom(1);
    const policy = { baseMs: 100, capMs: 1_000 };
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const ceiling = Math.min(1_000, 100 * 2 ** attempt);
      for (let i = 0; i < 50; i += 1) {
        const wait = fullJitterDelay(attempt, policy, random);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(ceiling);
      }
    }
    expect(fullJitterDelay(3, policy, { next: () => 0.999 })).toBe(799);
  });
});

describe('halfJitterDelay', () => {
  it('never waits less than half the doubling window, up to the cap', () => {
    const policy = { baseMs: 30_000, capMs: 600_000 };
    expect(halfJitterDelay(0, policy, { next: () => 0 })).toBe(15_000);
    expect(halfJitterDelay(0, policy, { next: () => 0.999 })).toBe(29_985);
    expect(halfJitterDelay(2, policy, { next: () => 0.5 })).toBe(90_000);
    expect(halfJitterDelay(40, policy, { next: () => 0 })).toBe(300_000);
  });
});
