import { describe, expect, it } from 'vitest';
import { METRICS_SAMPLE } from '../../store/backtest/testing/backtest-fixtures';
import { METRICS, formatDuration, formatMetric, metricNumber, metricRows } from './metric-format';

describe('metric formatting', () => {
  it('covers every metric of a backtest once', () => {
    expect(METRICS.map((m) => m.key).sort()).toEqual(Object.keys(METRICS_SAMPLE).sort());
  });

  it('shows fractions as percents, ratios to two decimals, money to the cent', () => {
    const rows = Object.fromEntries(metricRows(METRICS_SAMPLE).map((row) => [row.key, row.text]));
    expect(rows).toMatchObject({
      totalReturn: '12.35%',
      maxDrawdown: '-8.25%',
      benchmarkReturn: '-3.10%',
      sharpe: '1.23',
      profitFactor: '1.55',
      calmar: '—',
      finalEquity: '112,345.68',
      endEquity: '112,345.68',
      averageTrade: '123.46',
      tradeCount: '1,234',
      maxDrawdownDurationMs: '3d 4h',
      exposure: '62.00%',
    });
  });

  it('keeps the raw value for data attributes', () => {
    const rows = metricRows(METRICS_SAMPLE);
    expect(rows.find((r) => r.key === 'finalEquity')?.raw).toBe('112345.68');
    expect(rows.find((r) => r.key === 'tradeCount')?.raw).toBe('1234');
    expect(rows.find((r) => r.key === 'calmar')?.raw).toBe('');
  });

  it('reads any metric as a number', () => {
    expect(metricNumber(METRICS_SAMPLE, 'finalEquity')).toBe(112345.68);
    expect(metricNumber(METRICS_SAMPLE, 'calmar')).toBeNull();
    expect(formatMetric('winRate', null)).toBe('—');
  });

  it('writes durations in days and hours, or hours and minutes', () => {
    expect(formatDuration(45 * 60_000)).toBe('45m');
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000)).toBe('5h 12m');
    expect(formatDuration(2 * 86_400_000)).toBe('2d');
    expect(formatDuration(null)).toBe('—');
  });
});
