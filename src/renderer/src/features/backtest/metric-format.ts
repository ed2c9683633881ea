import type { BacktestMetrics } from '@shared/dto/backtest';
import { formatFraction, formatMoney, formatRatio } from '../account/money-format';

export type MetricKey = keyof BacktestMetrics;
type MetricKind = 'fraction' | 'ratio' | 'money' | 'count' | 'duration';

interface MetricInfo {
  key: MetricKey;
  label: string;
  kind: MetricKind;
  /** For colour scales and "best" sorting: false when smaller is better. */
  higherIsBetter: boolean;
}

/** Every BacktestMetrics field in display order. Fractions arrive as 0.05 for 5 %. */
export const METRICS: readonly MetricInfo[] = [
  { key: 'totalReturn', label: 'Total return', kind: 'fraction', higherIsBetter: true },
  { key: 'cagr', label: 'CAGR', kind: 'fraction', higherIsBetter: true },
  { key: 'benchmarkReturn', label: 'Benchmark return', kind: 'fraction', higherIsBetter: true },
  { key: 'sharpe', label: 'Sharpe', kind: 'ratio', higherIsBetter: true },
  { key: 'sortino', label: 'Sortino', kind: 'ratio', higherIsBetter: true },
  { key: 'calmar', label: 'Calmar', kind: 'ratio', higherIsBetter: true },
  { key: 'annualizedVolatility', label: 'Volatility (ann.)', kind: 'fraction', higherIsBetter: false },
  // Zero or negative (equity ÷ peak − 1): the higher, the shallower.
  { key: 'maxDrawdown', label: 'Max drawdown', kind: 'fraction', higherIsBetter: true },
  { key: 'maxDrawdownDurationMs', label: 'Max drawdown duration', kind: 'duration', higherIsBetter: false },
  { key: 'winRate', label: 'Win rate', kind: 'fraction', higherIsBetter: true },
  { key: 'profitFactor', label: 'Profit factor', kind: 'ratio', higherIsBetter: true },
  { key: 'averageTrade', label: 'Average trade', kind: 'money', higherIsBetter: true },
  { key: 'tradeCount', label: 'Trades', kind: 'count', higherIsBetter: true },
  { key: 'exposure', label: 'Exposure', kind: 'fraction', higherIsBetter: true },
  { key: 'turnover', label: 'Turnover (ann.)', kind: 'ratio', higherIsBetter: false },
  { key: 'startEquity', label: 'Start equity', kind: 'money', higherIsBetter: true },
  { key: 'endEquity', label: 'End equity', kind: 'money', higherIsBetter: true },
  { key: 'finalEquity', label: 'Final equity', kind: 'money', higherIsBetter: true },
  { key: 'days', label: 'Days', kind: 'count', higherIsBetter: true },
];

const BY_KEY = new Map(METRICS.map((info) => [info.key, info]));

export function metricInfo(key: MetricKey): MetricInfo {
  const info = BY_KEY.get(key);
  if (!info) throw new Error(`Unknown metric ${key}`);
  return info;
}

export function isMetricKey(text: string): text is MetricKey {
  return BY_KEY.has(text as MetricKey);
}

/** A metric as a float for sorting and colour (finalEquity arrives as a decimal string); null when absent. */
export function metricNumber(metrics: BacktestMetrics, key: MetricKey): number | null {
  const value = metrics[key];
  const number = typeof value === 'string' ? Number(value) : value;
  return number === null || !Number.isFinite(number) ? null : number;
}

const DAY_MS = 86_400_000;

/** "3d 4h", "5h 12m", "45m"; a dash for null. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (ms >= DAY_MS) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  const rest = minutes % 60;
  return hours > 0 ? `${hours}h ${rest}m` : `${rest}m`;
}

function moneyText(value: number | string | null): string {
  if (value === null) return formatMoney(null);
  // A float statistic becomes text with room to spare, then rounds half-even like the books.
  return formatMoney(typeof value === 'string' ? value : value.toFixed(8));
}

/** One metric as the tables show it: percents for fractions, ratios to 2 decimals, money to the cent. */
export function formatMetric(key: MetricKey, value: number | string | null): string {
  const info = metricInfo(key);
  if (info.kind === 'money') return moneyText(value);
  const number = typeof value === 'string' ? Number(value) : value;
  switch (info.kind) {
    case 'fraction':
      return formatFraction(number);
    case 'ratio':
      return formatRatio(number);
    case 'duration':
      return formatDuration(number);
    case 'count':
      return number === null ? '—' : number.toLocaleString('en-US');
  }
}

export interface MetricRow {
  key: MetricKey;
  label: string;
  text: string;
  /** The value as the engine sent it ('' for null), for data attributes. */
  raw: string;
}

export function metricRows(metrics: BacktestMetrics): MetricRow[] {
  return METRICS.map(({ key, label }) => {
    const value = metrics[key];
    return { key, label, text: formatMetric(key, value), raw: value === null ? '' : String(value) };
  });
}
