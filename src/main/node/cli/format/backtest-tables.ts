import type { BacktestMetrics, BacktestResult, BacktestTrade, ParamValues, SweepRow } from '@shared/dto/backtest';
import { formatMoney, formatPercent, formatTable, formatUnitPrice } from './trading-tables';

/** Human output of `kestrel backtest` and `kestrel sweep`; `--json` prints the data untouched. */

const NONE = '-';

/** A fraction as a percent: 0.1234 → "12.34%". */
export function formatFraction(value: number | null): string {
  return value === null ? NONE : `${(value * 100).toFixed(2)}%`;
}

export function formatRatio(value: number | null): string {
  return value === null ? NONE : value.toFixed(2);
}

export function formatParams(params: ParamValues): string {
  const entries = Object.entries(params);
  return entries.length === 0 ? '(none)' : entries.map(([name, value]) => `${name}=${String(value)}`).join(' ');
}

function day(time: number | null): string {
  return time === null ? NONE : new Date(time).toISOString().slice(0, 10);
}

export function formatMetrics(metrics: BacktestMetrics): string {
  const rows: [string, string][] = [
    ['final equity', formatMoney(metrics.finalEquity)],
    ['total return', formatFraction(metrics.totalReturn)],
    ['cagr', formatFraction(metrics.cagr)],
    ['sharpe', formatRatio(metrics.sharpe)],
    ['sortino', formatRatio(metrics.sortino)],
    ['max drawdown', formatFraction(metrics.maxDrawdown)],
    ['volatility', formatFraction(metrics.annualizedVolatility)],
    ['trades', String(metrics.tradeCount)],
    ['win rate', formatFraction(metrics.winRate)],
    ['profit factor', formatRatio(metrics.profitFactor)],
    ['exposure', formatFraction(metrics.exposure)],
    ['benchmark', formatFraction(metrics.benchmarkReturn)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

export function formatTrades(trades: readonly BacktestTrade[]): string {
  if (trades.length === 0) return 'No trades.';
  const rows = trades.map((t) => [t.symbol, t.side, day(t.entryTime), day(t.exitTime), t.quantity, formatUnitPrice(t.entryPrice), formatUnitPrice(t.exitPrice), formatMoney(t.pnl), formatPercent(t.returnPct)]);
  return formatTable(['SYMBOL', 'SIDE', 'ENTRY', 'EXIT', 'QTY', 'ENTRY PRICE', 'EXIT PRICE', 'P&L', 'RETURN'], rows, ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']);
}

export function formatBacktest(result: BacktestResult): string {
  const { request } = result;
  return [
    `${request.strategy} on ${request.symbols.join(', ')} ${request.timeframe}, ${day(result.firstBarTime)} to ${day(result.lastBarTime)} (${result.bars} bars)`,
    `params: ${formatParams(request.params)}`,
    `saved as ${result.id}`,
    '',
    formatMetrics(result.metrics),
    '',
    `Trades (${result.trades.length}):`,
    formatTrades(result.trades),
  ].join('\n');
}

/** Sweep rows as a table, one column per parameter, in the order given. */
export function formatSweepRows(rows: readonly SweepRow[], showWindow: boolean): string {
  if (rows.length === 0) return 'No results.';
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.params)))];
  const headers = [...(showWindow ? ['WINDOW', 'SAMPLE'] : []), ...names.map((name) => name.toUpperCase()), 'TRADES', 'RETURN', 'CAGR', 'SHARPE', 'MAX DD', 'FINAL EQUITY'];
  const body = rows.map((row) => [
    ...(showWindow ? [String(row.window ?? NONE), row.sample] : []),
    ...names.map((name) => (name in row.params ? String(row.params[name]) : NONE)),
    String(row.metrics.tradeCount),
    formatFraction(row.metrics.totalReturn),
    formatFraction(row.metrics.cagr),
    formatRatio(row.metrics.sharpe),
    formatFraction(row.metrics.maxDrawdown),
    formatMoney(row.metrics.finalEquity),
  ]);
  const align = headers.map((_, i): 'left' | 'right' => (showWindow && i === 1 ? 'left' : 'right'));
  return formatTable(headers, body, align);
}
