import { describe, expect, it } from 'vitest';
import { drawdownSeries } from './drawdown';
import { computeMetrics, dailyReturns, downsideDeviation, sampleStdev } from './performance';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D0 = Date.UTC(2024, 0, 2);
/** UTC dates stand in for the exchange's trading days here. */
const tradingDayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

// Four trading days: +2 %, −2 %, +5 %, 0 %. Two points on the first day, whose base is its first point.
const times = [D0 + 9 * HOUR, D0 + 16 * HOUR, D0 + DAY + 16 * HOUR, D0 + 2 * DAY + 16 * HOUR, D0 + 3 * DAY + 16 * HOUR];
const equity = Float64Array.from([100, 102, 99.96, 104.958, 104.958]);
const trades = [{ pnl: 100 }, { pnl: -50 }, { pnl: 30 }, { pnl: 0 }];

describe('daily returns', () => {
  it('runs from each day’s close to the next, the first day from its first point', () => {
    const returns = dailyReturns({ times, equity, tradingDayOf });
    expect(returns.map((entry) => entry.day)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
    const expected = [0.02, -0.02, 0.05, 0];
    returns.forEach((entry, i) => expect(entry.value).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it('takes the last point of a day as its close', () => {
    const returns = dailyReturns({ times: [D0, D0 + HOUR, D0 + 2 * HOUR, D0 + DAY], equity: [100, 150, 110, 121], tradingDayOf });
    expect(returns.map((entry) => entry.value)).toEqual([110 / 100 - 1, 121 / 110 - 1]);
  });

  it('has none for an empty curve', () => {
    expect(dailyReturns({ times: [], equity: [], tradingDayOf })).toEqual([]);
  });
});

describe('performance metrics', () => {
  it('computes every metric of a small curve as worked by hand', () => {
    const metrics = computeMetrics({ times, equity, trades, tradingDayOf });
    // Returns r = 0.02, −0.02, 0.05, 0: mean 0.0125; deviations 0.0075, −0.0325, 0.0375, −0.0125;
    // squares sum 0.002675; sample variance 0.002675 / 3; stdev ≈ 0.0298608.
    const stdev = Math.sqrt(0.002675 / 3);
    expect(metrics.startEquity).toBe(100);
    expect(metrics.endEquity).toBe(104.958);
    expect(metrics.totalReturn).toBeCloseTo(0.04958, 12);
    expect(metrics.annualizedVolatility).toBeCloseTo(stdev * Math.sqrt(252), 10); // ≈ 0.474
    expect(metrics.sharpe).toBeCloseTo((0.0125 / stdev) * Math.sqrt(252), 10); // ≈ 6.645
    // Downside: only −0.02 counts; sqrt(0.0004 / 4) = 0.01 → 1.25 × √252 ≈ 19.843.
    expect(metrics.sortino).toBeCloseTo(1.25 * Math.sqrt(252), 9);
    // Peak 102 → 99.96 is −2 %, recovered two days later at 104.958.
    expect(metrics.maxDrawdown).toBeCloseTo(-0.02, 12);
    expect(metrics.maxDrawdownDurationMs).toBe(2 * DAY);
    // 79 hours from first to last point: (1.04958)^(365.25 × 24 / 79) − 1.
    const cagr = Math.pow(1.04958, (365.25 * 24) / 79) - 1;
    expect(metrics.cagr).toBeCloseTo(cagr, 8);
    expect(metrics.calmar).toBeCloseTo(cagr / 0.02, 6);
    // Trades +100, −50, +30, 0: two wins of four; 130 won against 50 lost; 80 / 4 on average.
    expect(metrics.winRate).toBe(0.5);
    expect(metrics.profitFactor).toBe(2.6);
    expect(metrics.averageTrade).toBe(20);
    expect(metrics.tradeCount).toBe(4);
    expect(metrics.days).toBe(4);
  });

  it('takes the risk-free rate out of each day', () => {
    // 2.52 % a year over 252 periods is 0.0001 a day.
    const metrics = computeMetrics({ times, equity, trades: [], tradingDayOf, riskFreeRate: 0.0252 });
    const stdev = Math.sqrt(0.002675 / 3);
    expect(metrics.sharpe).toBeCloseTo((0.0124 / stdev) * Math.sqrt(252), 10);
    // Excess returns 0.0199, −0.0201, 0.0499, −0.0001: downside sqrt((0.0201² + 0.0001²) / 4).
    expect(metrics.sortino).toBeCloseTo((0.0124 / Math.sqrt(0.00040402 / 4)) * Math.sqrt(252), 9);
  });

  it('annualizes with the periods given', () => {
    const metrics = computeMetrics({ times, equity, trades: [], tradingDayOf, periodsPerYear: 365 });
    expect(metrics.annualizedVolatility).toBeCloseTo(Math.sqrt(0.002675 / 3) * Math.sqrt(365), 10);
  });

  it('is all null for an empty curve', () => {
    expect(computeMetrics({ times: [], equity: [], trades: [], tradingDayOf })).toEqual({
      startEquity: null,
      endEquity: null,
      totalReturn: null,
      cagr: null,
      annualizedVolatility: null,
      sharpe: null,
      sortino: null,
      calmar: null,
      maxDrawdown: null,
      maxDrawdownDurationMs: null,
      winRate: null,
      profitFactor: null,
      averageTrade: null,
      tradeCount: 0,
      days: 0,
    });
  });

  it('has no spread, growth rate or ratios from a single point', () => {
    const metrics = computeMetrics({ times: [D0], equity: [100], trades: [], tradingDayOf });
    expect(metrics).toMatchObject({ startEquity: 100, endEquity: 100, totalReturn: 0, cagr: null, annualizedVolatility: null, sharpe: null, sortino: null, calmar: null, maxDrawdown: 0, maxDrawdownDurationMs: 0, days: 1 });
  });

  it('has zero volatility and no risk ratios on a flat curve', () => {
    const flat = computeMetrics({ times: [0, 1, 2, 3].map((d) => D0 + d * DAY), equity: [50, 50, 50, 50], trades: [], tradingDayOf });
    expect(flat).toMatchObject({ totalReturn: 0, cagr: 0, annualizedVolatility: 0, sharpe: null, sortino: null, calmar: null, maxDrawdown: 0 });
  });

  it('has no Sharpe ratio when every day returns the same, despite float rounding', () => {
    // +1 % a day; the float returns differ in the last bit, a spread of about 1e-16.
    const curve = { times: [D0, ...[0, 1, 2, 3].map((d) => D0 + d * DAY + 16 * HOUR)], equity: [97, 97.97, 98.9497, 99.939197, 100.93858897], tradingDayOf };
    expect(new Set(dailyReturns(curve).map((entry) => entry.value)).size).toBeGreaterThan(1);
    const steady = computeMetrics({ ...curve, trades: [] });
    expect(steady.annualizedVolatility).toBeLessThan(1e-14);
    expect(steady.sharpe).toBeNull();
    expect(steady.sortino).toBeNull(); // no losing day
  });

  it('has no profit factor without losses, and zero without wins', () => {
    expect(computeMetrics({ times: [], equity: [], trades: [{ pnl: 5 }, { pnl: 7 }], tradingDayOf })).toMatchObject({ winRate: 1, profitFactor: null, averageTrade: 6 });
    expect(computeMetrics({ times: [], equity: [], trades: [{ pnl: -5 }], tradingDayOf })).toMatchObject({ winRate: 0, profitFactor: 0, averageTrade: -5 });
  });

  it('has no growth rate under a day, nor a return without a positive start', () => {
    expect(computeMetrics({ times: [D0, D0 + HOUR], equity: [100, 110], trades: [], tradingDayOf }).cagr).toBeNull();
    expect(computeMetrics({ times: [D0, D0 + DAY], equity: [0, 10], trades: [], tradingDayOf }).totalReturn).toBeNull();
  });
});

describe('spread statistics', () => {
  it('uses n − 1 for the standard deviation and every period for the downside', () => {
    expect(sampleStdev([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 14); // squares 2.25 + 0.25 + 0.25 + 2.25
    expect(sampleStdev([1])).toBeNull();
    expect(downsideDeviation([-0.02, 0.01, 0.03, 0])).toBeCloseTo(0.01, 14); // sqrt(0.0004 / 4)
  });
});

describe('performance metrics from day ends', () => {
  it('gives the same metrics when the days come as where each ends, with the drawdown series given or not', () => {
    const byDay = computeMetrics({ times, equity, trades, tradingDayOf });
    // Days: points 0–1, 2, 3, 4 end after indices 2, 3, 4, 5.
    const dayEnds = [2, 3, 4, 5];
    expect(computeMetrics({ times, equity, trades, dayEnds })).toEqual(byDay);
    expect(computeMetrics({ times, equity, trades, dayEnds, drawdown: drawdownSeries(equity) })).toEqual(byDay);
    expect(byDay.days).toBe(4);
  });

  it('skips a day whose base is not positive, as by day', () => {
    const flat = { times: [D0, D0 + DAY, D0 + 2 * DAY], equity: [0, 50, 55] };
    expect(computeMetrics({ ...flat, trades: [], dayEnds: [1, 2, 3] })).toEqual(computeMetrics({ ...flat, trades: [], tradingDayOf }));
  });
});

