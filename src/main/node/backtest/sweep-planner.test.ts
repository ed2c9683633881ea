import { describe, expect, it } from 'vitest';
import type { BacktestMetrics } from '@shared/dto/backtest';
import { bestIndex, gridPoints, gridSize, randomPoints, walkForwardWindows } from './sweep-planner';

function metrics(overrides: Partial<BacktestMetrics>): BacktestMetrics {
  return {
    startEquity: 100, endEquity: 100, totalReturn: 0, cagr: null, annualizedVolatility: null, sharpe: null, sortino: null,
    calmar: null, maxDrawdown: null, maxDrawdownDurationMs: null, winRate: null, profitFactor: null, averageTrade: null,
    tradeCount: 0, days: 0, exposure: null, turnover: null, finalEquity: '100', benchmarkReturn: null,
    ...overrides,
  };
}

describe('sweep planner', () => {
  it('expands a grid into the product of its value lists, the last parameter fastest', () => {
    const grid = { fast: [5, 10], slow: [30, 50, 70] };
    expect(gridSize(grid)).toBe(6);
    expect(gridPoints(grid)).toEqual([
      { fast: 5, slow: 30 },
      { fast: 5, slow: 50 },
      { fast: 5, slow: 70 },
      { fast: 10, slow: 30 },
      { fast: 10, slow: 50 },
      { fast: 10, slow: 70 },
    ]);
  });

  it('refuses a grid of more than 10,000 points', () => {
    const big = { a: Array.from({ length: 101 }, (_, i) => i), b: Array.from({ length: 100 }, (_, i) => i) };
    expect(() => gridPoints(big)).toThrow(/10100 points; at most 10000/);
  });

  it('samples distinct grid points, the same ones for the same seed', () => {
    const grid = { a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], b: [true, false], c: ['x', 'y', 'z'] };
    const first = randomPoints(grid, 12, 42);
    expect(first).toHaveLength(12);
    expect(new Set(first.map((p) => JSON.stringify(p))).size).toBe(12);
    expect(randomPoints(grid, 12, 42)).toEqual(first);
    expect(randomPoints(grid, 12, 43)).not.toEqual(first);
    for (const point of first) expect(Object.keys(point)).toEqual(['a', 'b', 'c']);
    expect(randomPoints(grid, 100, 1)).toHaveLength(60);
  });

  it('tiles the out-of-sample stretches after rolling in-sample windows', () => {
    expect(walkForwardWindows(25, 10, 5)).toEqual([
      { index: 0, inSample: { first: 0, last: 9 }, outOfSample: { first: 10, last: 14 } },
      { index: 1, inSample: { first: 5, last: 14 }, outOfSample: { first: 15, last: 19 } },
      { index: 2, inSample: { first: 10, last: 19 }, outOfSample: { first: 20, last: 24 } },
    ]);
    // A short last stretch is kept.
    expect(walkForwardWindows(22, 10, 5).at(-1)).toEqual({ index: 2, inSample: { first: 10, last: 19 }, outOfSample: { first: 20, last: 21 } });
    expect(() => walkForwardWindows(10, 10, 5)).toThrow(/more than 10 bars/);
  });

  it('picks the best by a metric: highest sharpe, shallowest drawdown, lowest volatility; missing values last', () => {
    const rows = [
      { metrics: metrics({ sharpe: 0.5, maxDrawdown: -0.3, annualizedVolatility: 0.2 }) },
      { metrics: metrics({ sharpe: 1.2, maxDrawdown: -0.1, annualizedVolatility: 0.25 }) },
      { metrics: metrics({ sharpe: null, maxDrawdown: -0.2, annualizedVolatility: 0.1 }) },
    ];
    expect(bestIndex(rows, 'sharpe')).toBe(1);
    expect(bestIndex(rows, 'maxDrawdown')).toBe(1);
    expect(bestIndex(rows, 'annualizedVolatility')).toBe(2);
    expect(() => bestIndex(rows, 'luck')).toThrow(/Unknown metric "luck"/);
  });
});
