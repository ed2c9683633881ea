import { describe, expect, it } from 'vitest';
import { position } from '../../store/trading/testing/trading-fixtures';
import { positionTotals, positionView, sortPositions } from './position-view';

describe('positionView', () => {
  it('shows a long position with its P&L', () => {
    expect(positionView(position('SIM:SPY'))).toEqual({
      symbol: 'SIM:SPY',
      side: 'long',
      quantity: '100',
      averageCost: '450.25',
      last: '450.75',
      marketValue: '45,075.00',
      unrealized: '+50.00',
      unrealizedSign: 'up',
      realized: '0.00',
      realizedSign: 'flat',
      percentOfEquity: '45.05%',
    });
  });

  it('shows a short position with a loss and no mark yet', () => {
    const view = positionView(position('SIM:QQQ', { quantity: '-30', lastPrice: null, marketValue: null, unrealizedPnl: null, realizedPnl: '-12.346', percentOfEquity: null }));
    expect(view).toMatchObject({ side: 'short', quantity: '-30', last: '—', marketValue: '—', unrealized: '—', unrealizedSign: 'flat', realized: '-12.35', realizedSign: 'down', percentOfEquity: '—' });
  });
});

describe('positionTotals', () => {
  it('adds the money columns exactly', () => {
    const totals = positionTotals([
      position('A', { marketValue: '0.1', unrealizedPnl: '0.1', realizedPnl: '0.2' }),
      position('B', { marketValue: '0.2', unrealizedPnl: '-0.3', realizedPnl: '0.1' }),
      position('C', { marketValue: null, unrealizedPnl: null, realizedPnl: '0' }),
    ]);
    expect(totals).toEqual({ marketValue: '0.3', unrealized: '-0.2', realized: '0.3' });
  });
});

describe('sortPositions', () => {
  it('puts the largest exposure first, long or short', () => {
    const sorted = sortPositions([position('A', { marketValue: '100' }), position('B', { marketValue: '-500' }), position('C', { marketValue: null })]);
    expect(sorted.map((p) => p.symbol)).toEqual(['B', 'A', 'C']);
  });
});
