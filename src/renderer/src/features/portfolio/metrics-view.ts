import type { PerformanceMetrics } from '@shared/dto/trading';
import { formatFraction, formatRatio } from '../account/money-format';

export interface MetricRow {
  id: string;
  label: string;
  text: string;
}

/** Max drawdown reads as a loss whichever sign the engine gives it. */
function drawdownText(value: number | null): string {
  return value === null ? formatFraction(null) : formatFraction(-Math.abs(value));
}

/** The metrics table; returns, volatility, drawdown and win rate arrive as fractions (0.05 = 5 %). */
export function metricRows(metrics: PerformanceMetrics): MetricRow[] {
  return [
    { id: 'total-return', label: 'Total return', text: formatFraction(metrics.totalReturn) },
    { id: 'cagr', label: 'CAGR', text: formatFraction(metrics.cagr) },
    { id: 'volatility', label: 'Volatility (ann.)', text: formatFraction(metrics.annualizedVolatility) },
    { id: 'sharpe', label: 'Sharpe', text: formatRatio(metrics.sharpe) },
    { id: 'sortino', label: 'Sortino', text: formatRatio(metrics.sortino) },
    { id: 'max-drawdown', label: 'Max drawdown', text: drawdownText(metrics.maxDrawdown) },
    { id: 'win-rate', label: 'Win rate', text: formatFraction(metrics.winRate, 1) },
    { id: 'profit-factor', label: 'Profit factor', text: formatRatio(metrics.profitFactor) },
    { id: 'trade-count', label: 'Trades', text: String(metrics.tradeCount) },
    { id: 'days', label: 'Days', text: String(metrics.days) },
  ];
}
