import { describe, expect, it } from 'vitest';
import { fromSocketSymbol, toSocketSymbol } from './symbols';

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
