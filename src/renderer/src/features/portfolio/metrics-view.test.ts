import { describe, expect, it } from 'vitest';
import type { PerformanceMetrics } from '@shared/dto/trading';
import { metricRows } from './metrics-view';

const METRICS: PerformanceMetrics = {
  startEquity: 100_000,
  endEquity: 105_230,
  totalReturn: 0.0523,
  cagr: 0.21,
  annualizedVolatility: 0.1834,
  sharpe: 1.2345,
  sortino: 1.876,
  calmar: 2.1,
  maxDrawdown: 0.0812,
  maxDrawdownDurationMs: 86_400_000,
  winRate: 0.5625,
  profitFactor: 1.5,
  averageTrade: 32.7,
  tradeCount: 16,
  days: 60,
};

describe('metricRows', () => {
  it('shows returns and risk as percents and ratios with two decimals', () => {
    const text = Object.fromEntries(metricRows(METRICS).map((row) => [row.id, row.text]));
    expect(text).toEqual({
      'total-return': '5.23%',
      cagr: '21.00%',
      volatility: '18.34%',
      sharpe: '1.23',
      sortino: '1.88',
      'max-drawdown': '-8.12%',
      'win-rate': '56.3%',
      'profit-factor': '1.50',
      'trade-count': '16',
      days: '60',
    });
  });

  it('shows a dash for what cannot be computed yet', () => {
    const rows = metricRows({ ...METRICS, sharpe: null, maxDrawdown: null, profitFactor: null, tradeCount: 0 });
    const text = Object.fromEntries(rows.map((row) => [row.id, row.text]));
    expect([text['sharpe'], text['max-drawdown'], text['profit-factor'], text['trade-count']]).toEqual(['—', '—', '—', '0']);
  });
});
