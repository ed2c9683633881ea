import type { BacktestMetrics, BacktestRequest, BacktestResult, BacktestSummary, StrategyInfo, SweepProgress } from '@shared/dto/backtest';

/** Every metric of a backtest with round, hand-checkable values. */
export const METRICS_SAMPLE: BacktestMetrics = {
  startEquity: 100_000,
  endEquity: 112_345.678,
  totalReturn: 0.12345678,
  cagr: 0.0412,
  annualizedVolatility: 0.1834,
  sharpe: 1.23456,
  sortino: 1.8,
  calmar: null,
  maxDrawdown: -0.0825,
  maxDrawdownDurationMs: 3 * 86_400_000 + 4 * 3_600_000,
  winRate: 0.5,
  profitFactor: 1.555,
  averageTrade: 123.455,
  tradeCount: 1234,
  days: 365,
  exposure: 0.62,
  turnover: 4.2,
  finalEquity: '112345.68',
  benchmarkReturn: -0.031,
};

export const SMA_CROSSOVER: StrategyInfo = {
  id: 'sma-crossover',
  name: 'SMA crossover',
  description: 'Long when the fast average is above the slow one.',
  params: {
    fast: { kind: 'int', default: 10, min: 2, max: 200, step: 1, label: 'Fast period' },
    slow: { kind: 'int', default: 30, min: 3, max: 400, step: 1, label: 'Slow period' },
  },
  source: 'builtin',
  error: null,
};

export const DAY = 86_400_000;
/** 2024-01-02 00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 2);

export const REQUEST: BacktestRequest = {
  strategy: 'sma-crossover',
  symbols: ['AAPL'],
  timeframe: '1d',
  params: { fast: 10, slow: 30 },
  initialCash: '100000',
  slippage: { model: 'none' },
  commission: { model: 'none' },
};

export function result(id: string, overrides: Partial<BacktestResult> = {}): BacktestResult {
  return {
    id,
    request: REQUEST,
    createdAt: T0 + 10 * DAY,
    bars: 3,
    firstBarTime: T0,
    lastBarTime: T0 + 2 * DAY,
    metrics: METRICS_SAMPLE,
    equity: { time: [T0, T0 + DAY, T0 + 2 * DAY], equity: [100_000, 110_000, 99_000], drawdown: [0, 0, -0.1], benchmark: [100_000, 101_000, 102_000] },
    trades: [
      { symbol: 'AAPL', side: 'long', entryTime: T0 + DAY, exitTime: T0 + 2 * DAY, quantity: '100', entryPrice: '150.5', exitPrice: '160', pnl: '950', returnPct: 6.31 },
    ],
    fills: [
      { symbol: 'AAPL', side: 'buy', time: T0 + DAY, quantity: '100', price: '150.5', commission: '0' },
      { symbol: 'AAPL', side: 'sell', time: T0 + 2 * DAY, quantity: '100', price: '160', commission: '0' },
    ],
    durationMs: 12,
    ...overrides,
  };
}

export function summary(id: string, createdAt = T0): BacktestSummary {
  return { id, strategy: 'sma-crossover', symbols: ['AAPL'], timeframe: '1d', params: { fast: 10, slow: 30 }, createdAt, metrics: METRICS_SAMPLE };
}

export function progress(sweepId: string, done: number, total: number, state: SweepProgress['state'] = 'running'): SweepProgress {
  return { sweepId, done, total, etaMs: state === 'running' ? 1_000 : null, state, error: null };
}
