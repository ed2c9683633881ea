import type { ColumnMapping, ImportFormat } from '@shared/dto/data-import';
import { symbolFromFileName } from './file-symbol';

/** What the header says about a file: its format, where each field is, and how to read times. */
export interface CsvLayout {
  format: ImportFormat;
  mapping: ColumnMapping;
  /** A separate time-of-day column beside the date column (Stooq intraday `<TIME>`), if any. */
  clockColumn: number | null;
  /** Zone for date-times written without one. */
  zone: string;
  /** Symbol from the file name, for files without a symbol column. */
  fileSymbol: string | null;
  /** Suffix the format appends to symbols in its symbol column (Stooq: `AAPL.US`). */
  symbolSuffix: string | null;
  /** false when the header was not understood and `mapping` is only a positional guess. */
  recognised: boolean;
}

/** Header names are compared lower-case, without `<>`, spaces, dots or underscores. */
function normalise(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[<>\s._-]/g, '');
}

const ALIASES = {
  symbol: ['symbol', 'ticker', 'stock'],
  time: ['timestamp', 'datetime', 'date', 'time', 'ts', 'tradingday'],
  open: ['open', 'o'],
  high: ['high', 'h'],
  low: ['low', 'l'],
  close: ['close', 'c', 'last'],
  volume: ['volume', 'vol', 'v'],
} as const;

function find(names: readonly string[], aliases: readonly string[]): number | null {
  for (const alias of aliases) {
    const at = names.indexOf(alias);
    if (at >= 0) return at;
  }
  return null;
}

/**
 * Recognises Yahoo (`Date,Open,High,Low,Close,Adj Close,Volume`), Stooq daily
 * (`Date,Open,High,Low,Close,Volume,OpenInt`), Stooq intraday (`<TICKER>,<PER>,<DATE>,<TIME>,…`),
 * generic files with a symbol column (`symbol,timestamp,open,…`) and per-symbol files whose
 * symbol is in the file name. Yahoo's `Close` is used, not `Adj Close`.
 */
export function detectLayout(header: readonly string[], fileName: string): CsvLayout {
  const names = header.map(normalise);
  const stooqIntraday = header.some((name) => /^<\w+>$/.test(name.trim()));
  const hasDate = names.includes('date');
  // A date column and a separate time column: the time column is the clock, not the timestamp.
  const clockColumn = hasDate && names.includes('time') ? names.indexOf('time') : null;
  const time = hasDate ? names.indexOf('date') : find(names, ALIASES.time) ?? (names[0] === '' ? 0 : null);
  const open = find(names, ALIASES.open);
  const high = find(names, ALIASES.high);
  const low = find(names, ALIASES.low);
  const close = find(names, ALIASES.close);
  const symbol = find(names, ALIASES.symbol);
  const volume = find(names, ALIASES.volume);
  const fileSymbol = symbolFromFileName(fileName);

  if (time === null || open === null || high === null || low === null || close === null) {
    return {
      format: 'generic',
      mapping: { symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: header.length > 5 ? 5 : null },
      clockColumn: null,
      zone: 'UTC',
      fileSymbol,
      symbolSuffix: null,
      recognised: false,
    };
  }
  const mapping: ColumnMapping = { symbol, time, open, high, low, close, volume };
  const base = { mapping, clockColumn, zone: 'UTC', fileSymbol, symbolSuffix: null, recognised: true };
  // Stooq's intraday export writes Warsaw wall time (CET/CEST) and `.US` after US tickers.
  if (stooqIntraday) return { ...base, format: 'stooq', zone: 'Europe/Warsaw', symbolSuffix: '.US' };
  if (names.includes('openint') && symbol === null) return { ...base, format: 'stooq' };
  if (names.includes('adjclose') && symbol === null) return { ...base, format: 'yahoo' };
  if (symbol !== null) return { ...base, format: 'generic' };
  return { ...base, format: 'per-symbol' };
}

/** A human note on how times are read, for previews and logs. */
export function describeZone(layout: CsvLayout, dateOnly: boolean, explicitZone: boolean): string {
  if (dateOnly) return 'Dates are trading days; bars are stamped 00:00 New York time of each day.';
  if (explicitZone) return 'Times carry their zone (Z or an offset).';
  if (layout.zone === 'UTC') return 'Times have no zone and are read as UTC.';
  return `Times have no zone and are read as ${layout.zone} wall time (the ${layout.format} convention).`;
}
