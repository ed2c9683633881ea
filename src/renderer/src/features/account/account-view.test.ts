import { describe, expect, it } from 'vitest';
import { accountFigures } from './account-view';
import { account } from '../../store/trading/testing/trading-fixtures';

describe('accountFigures', () => {
  it('shows equity, cash, buying power and the three P&L figures with their raw values', () => {
    const figures = accountFigures(account({ equity: '100050.5', dayPnl: '-1234.567', unrealizedPnl: '50' }));
    expect(figures.map((f) => [f.testId, f.text, f.value, f.sign])).toEqual([
      ['account-equity', '100,050.50', '100050.5', null],
      ['account-cash', '54,975.00', '54975', null],
      ['account-buying-power', '54,975.00', '54975', null],
      ['account-day-pnl', '-1,234.57', '-1234.567', 'down'],
      ['account-realized-pnl', '-1.00', '-1', 'down'],
      ['account-unrealized-pnl', '+50.00', '50', 'up'],
    ]);
  });

  it('shows dashes before the account is known', () => {
    expect(accountFigures(null).every((f) => f.text === '—' && f.value === '' && f.sign === null)).toBe(true);
  });
});
