import type { BacktestResult } from '@shared/dto/backtest';
import { DomainError } from '../../core/api/domain-error';

export interface ExportFile {
  fileName: string;
  mime: string;
  content: string;
}

/**
 * A saved run as a file: CSV of the trades (one row per round trip) or of the equity curve
 * (one row per bar), or JSON of either or of everything. Times in CSV are ISO 8601 UTC.
 */
export function exportResult(result: BacktestResult, format: 'csv' | 'json', part: 'trades' | 'equity' | 'all'): ExportFile {
  const base = `backtest-${result.request.strategy}-${result.request.symbols.join('_').replace(/[^A-Za-z0-9_.-]/g, '-')}-${result.id.slice(0, 12)}`;
  if (format === 'json') {
    const value = part === 'trades' ? result.trades : part === 'equity' ? result.equity : result;
    return { fileName: `${base}${part === 'all' ? '' : `-${part}`}.json`, mime: 'application/json', content: `${JSON.stringify(value, null, 2)}\n` };
  }
  if (part === 'all') throw new DomainError('INVALID_PARAMS', "A CSV holds one table: export part 'trades' or 'equity' as CSV, or everything as JSON");
  const content = part === 'trades' ? tradesCsv(result) : equityCsv(result);
  return { fileName: `${base}-${part}.csv`, mime: 'text/csv', content };
}

export function tradesCsv(result: BacktestResult): string {
  const header = 'symbol,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,return_pct';
  const rows = result.trades.map((t) =>
    [t.symbol, t.side, iso(t.entryTime), iso(t.exitTime), t.quantity, t.entryPrice, t.exitPrice, t.pnl, String(t.returnPct)].map(csvField).join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

export function equityCsv(result: BacktestResult): string {
  const { time, equity, drawdown, benchmark } = result.equity;
  const rows = time.map((t, i) => [iso(t), num(equity[i]), num(drawdown[i]), num(benchmark[i])].join(','));
  return `${['time,equity,drawdown,benchmark', ...rows].join('\n')}\n`;
}

function iso(time: number): string {
  return new Date(time).toISOString();
}

function num(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
