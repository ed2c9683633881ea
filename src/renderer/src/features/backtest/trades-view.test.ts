import { describe, expect, it } from 'vitest';
import { result } from '../../store/backtest/testing/backtest-fixtures';
import { formatTradeTime, tradeRows } from './trades-view';

describe('tradeRows', () => {
  it('formats a round trip with prices, P&L and return', () => {
    expect(tradeRows(result('r1').trades, '1d')).toEqual([
      {
        key: `0-AAPL-${Date.UTC(2024, 0, 3)}`,
        symbol: 'AAPL',
        side: 'long',
        entry: '2024-01-03',
        exit: '2024-01-04',
        quantity: '100',
        entryPrice: '150.50',
        exitPrice: '160.00',
        pnl: '+950.00',
        returnText: '+6.31%',
        sign: 'up',
      },
    ]);
  });

  it('shows intraday times to the minute', () => {
    expect(formatTradeTime(Date.UTC(2024, 0, 2, 14, 30, 15), '5m')).toBe('2024-01-02 14:30');
  });
});
