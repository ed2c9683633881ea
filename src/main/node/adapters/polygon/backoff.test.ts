import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/ports/random';
import { fullJitterDelay } from './backoff';
import { fromSocketSymbol, toSocketSymbol } from './symbols';

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

describe('socket symbols', () => {
  it('maps crypto pairs both ways and passes stock tickers through', () => {
    expect(toSocketSymbol('X:BTCUSD')).toBe('BTC-USD');
    expect(toSocketSymbol('X:ETHUSDT')).toBe('ETH-USDT');
    expect(toSocketSymbol('BRK.B')).toBe('BRK.B');
    expect(toSocketSymbol('X:ZZZ')).toBeNull();
    expect(fromSocketSymbol('crypto', 'BTC-USD')).toBe('X:BTCUSD');
    expect(fromSocketSymbol('stocks', 'AAPL')).toBe('AAPL');
  });
});
