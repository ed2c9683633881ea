import { describe, expect, it } from 'vitest';
import { order } from '../../store/trading/testing/trading-fixtures';
import { canceledNotice, confirmQuestion, failedNotice, flattenNotice } from './trading-command-text';

const closing = order('o-9', { side: 'sell', type: 'market', quantity: '1250', limitPrice: null });

describe('what the trading hotkeys say', () => {
  it('asks about the chart symbol when flattening, and about everything when canceling', () => {
    expect(confirmQuestion('flatten', 'SIM:QQQ')).toEqual({
      title: 'Flatten SIM:QQQ',
      text: 'Close the whole SIM:QQQ position with a market order?',
      action: 'Flatten SIM:QQQ',
    });
    expect(confirmQuestion('cancelAll', 'SIM:QQQ').text).toBe('Cancel every working order, on every symbol?');
  });

  it('counts canceled orders', () => {
    expect(canceledNotice(0)).toEqual({ kind: 'done', text: 'No working orders to cancel' });
    expect(canceledNotice(1)).toEqual({ kind: 'done', text: '1 order canceled' });
    expect(canceledNotice(7)).toEqual({ kind: 'done', text: '7 orders canceled' });
  });

  it('reports a flatten: nothing to close, sent, or refused with the rule', () => {
    expect(flattenNotice('SIM:SPY', null)).toEqual({ kind: 'done', text: 'No SIM:SPY position to flatten' });
    expect(flattenNotice('SIM:SPY', closing)).toEqual({ kind: 'done', text: 'Flatten sent: SELL 1,250 SIM:SPY at market · Accepted' });
    const refused = { ...closing, status: 'rejected' as const, rejection: { rule: 'market_closed' as const, message: 'The market is closed', limit: null, actual: null } };
    expect(flattenNotice('SIM:SPY', refused)).toEqual({
      kind: 'error',
      text: 'Flatten refused (SELL 1,250 SIM:SPY at market): Market closed: The market is closed',
    });
  });

  it('names the command that failed', () => {
    expect(failedNotice('cancelAll', 'SIM:SPY', 'Engine not reachable')).toEqual({ kind: 'error', text: 'Cancel all failed: Engine not reachable' });
  });
});
