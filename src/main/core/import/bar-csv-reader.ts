import type { ColumnMapping, ImportFormat, RowError } from '@shared/dto/data-import';
import { SymbolCode, type Timeframe } from '@shared/dto/market-data';
import { BarBuffer } from './bar-buffer';
import { parseBarRow, type RowPlan } from './bar-row';
import { describeZone, detectLayout, type CsvLayout } from './csv-layout';
import { normaliseSymbol } from './file-symbol';
import { inferTimeframe } from './timeframe-inference';
import { detectTimeKind, hasExplicitZone, isDateOnly, timeParser } from './timestamps';

export interface ReaderOptions {
  fileName: string;
  /** Overrides: the symbol of a file without a symbol column, or the one symbol to take from a file with one. */
  symbol?: string;
  mapping?: ColumnMapping;
  timeframe?: Timeframe;
  /** Keep the parsed bars (commit) or only check them (preview). */
  keepBars: boolean;
  /** Errors kept in full; the count goes on. */
  maxErrors: number;
  /** Raw data rows kept for a preview. */
  sampleRows?: number;
  /** A commit needs a symbol; a preview reports none as `symbol: null` instead. */
  requireSymbol: boolean;
}

export interface ReaderResult {
  format: ImportFormat;
  header: string[];
  mapping: ColumnMapping;
  /** The symbol the preview shows: override, first symbol in the column, or from the file name. */
  symbol: string | null;
  timeframe: Timeframe;
  /** Data rows read (rows of other symbols skipped by a symbol filter are not counted). */
  rows: number;
  errors: RowError[];
  errorCount: number;
  sampleRows: string[][];
  /** How times were read and what was assumed (zones, Adj Close). */
  notes: string[];
  bars: BarBuffer;
}

const TIMEFRAME_SAMPLE = 2000;
/** Symbols without a name (no column, no override, none in the file name) collect here. */
const UNNAMED = '';

/**
 * The pure CSV import: fed the header and then each data row (as a CSV parser splits them,
 * with their 1-based line numbers), it detects the layout, reads and validates every row, and
 * finishes with the bars per symbol and every error. Nothing here touches files or the store.
 */
export class BarCsvReader {
  private header: string[] | null = null;
  private layout: CsvLayout | null = null;
  private mapping: ColumnMapping | null = null;
  private plan: RowPlan | null = null;
  private rowCount = 0;
  private errorCount = 0;
  private readonly errors: RowError[] = [];
  private readonly fileErrors: RowError[] = [];
  private readonly samples: string[][] = [];
  private readonly timeSample: { symbol: string; time: number }[] = [];
  private readonly validSymbols = new Set<string>();
  private readonly notes: string[] = [];
  private firstSymbol: string | null = null;
  private dateOnly = false;
  private readonly bars: BarBuffer;

  constructor(private readonly options: ReaderOptions) {
    this.bars = new BarBuffer(options.keepBars);
  }

  get rows(): number {
    return this.rowCount;
  }

  accept(record: readonly string[], line: number): void {
    if (this.header === null) {
      this.acceptHeader(record);
      return;
    }
    const mapping = this.mapping!;
    let symbol = this.options.symbol ?? this.layout!.fileSymbol ?? UNNAMED;
    if (mapping.symbol !== null) {
      symbol = normaliseSymbol(record[mapping.symbol] ?? '', this.layout!.symbolSuffix);
      if (this.options.symbol !== undefined && symbol !== this.options.symbol) return;
    }
    this.rowCount += 1;
    if (this.samples.length < (this.options.sampleRows ?? 0)) this.samples.push([...record]);
    // Without a symbol column the file's one symbol (or its absence) is settled in finish().
    if (mapping.symbol !== null && !this.validSymbols.has(symbol)) {
      if (!SymbolCode.safeParse(symbol).success) {
        this.rowError(line, `symbol ${JSON.stringify(symbol.slice(0, 40))} is not a valid symbol (1–32 of A–Z, 0–9 and . : / ^ _ -)`);
        return;
      }
      this.validSymbols.add(symbol);
      this.firstSymbol ??= symbol;
    }
    const plan = this.plan ?? this.planFrom(record[mapping.time] ?? '', line);
    if (plan === null) return;
    const bar = parseBarRow(record, plan);
    if (typeof bar === 'string') {
      this.rowError(line, bar);
      return;
    }
    const problem = this.bars.add(symbol, line, bar);
    if (problem !== null) {
      this.rowError(line, problem);
      return;
    }
    if (this.timeSample.length < TIMEFRAME_SAMPLE) this.timeSample.push({ symbol, time: bar.time });
  }

  /** A problem that ended the read early (broken quoting, corrupt gzip): the import cannot be whole. */
  fail(line: number, message: string): void {
    this.fileError(line, message);
  }

  finish(): ReaderResult {
    const mapping = this.mapping ?? { symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: null };
    if (this.header === null) this.fileError(0, 'The file is empty');
    else if (this.rowCount === 0) {
      this.fileError(0, this.options.symbol === undefined || mapping.symbol === null ? 'The file has no data rows' : `The file has no rows for ${this.options.symbol}`);
    }
    const inferred = inferTimeframe(this.timeSample, this.dateOnly);
    if (this.options.timeframe === undefined && !inferred.exact && this.timeSample.length > 0) {
      const spacing = inferred.spacingMs === null ? 'cannot be told from one bar' : `is ${formatSpacing(inferred.spacingMs)}`;
      this.fileError(0, `The bar spacing ${spacing}, which matches no supported timeframe; choose the timeframe`);
    }
    const symbol = this.options.symbol ?? (mapping.symbol !== null ? this.firstSymbol : (this.layout?.fileSymbol ?? null));
    if (this.options.requireSymbol && mapping.symbol === null && symbol === null && this.header !== null) {
      this.fileError(0, 'The file does not say which symbol it holds (no symbol column, none in its name); choose the symbol');
    }
    return {
      format: this.layout?.format ?? 'generic',
      header: this.header ?? [],
      mapping,
      symbol,
      timeframe: this.options.timeframe ?? inferred.timeframe,
      rows: this.rowCount,
      errors: [...this.fileErrors, ...this.errors].slice(0, this.options.maxErrors),
      errorCount: this.errorCount + this.fileErrors.length,
      sampleRows: this.samples,
      notes: this.notes,
      bars: this.bars,
    };
  }

  private acceptHeader(record: readonly string[]): void {
    this.header = record.map((name) => name.replace(/^\uFEFF/, ''));
    const layout = detectLayout(this.header, this.options.fileName);
    this.layout = layout;
    this.mapping = this.options.mapping ?? layout.mapping;
    if (!layout.recognised && this.options.mapping === undefined) {
      this.fileError(1, `Could not find date, open, high, low and close columns in the header (${this.header.join(',').slice(0, 120)}); map the columns`);
    }
    if (layout.format === 'yahoo') this.notes.push('Close is imported as is; Adj Close is ignored.');
    if (this.mapping.volume === null) this.notes.push('There is no volume column; volume is 0.');
  }

  /** Settles how times are read from the first row that has a recognisable time. */
  private planFrom(sample: string, line: number): RowPlan | null {
    const kind = detectTimeKind(sample);
    if (kind === null) {
      this.rowError(line, `time ${JSON.stringify(sample.slice(0, 40))} is not a date or time Kestrel reads (YYYY-MM-DD, YYYYMMDD, ISO 8601, M/D/YYYY or epoch s/ms)`);
      return null;
    }
    const layout = this.layout!;
    // A time-of-day column belongs to the detected date column; a remapped time drops it.
    const clockColumn = this.mapping!.time === layout.mapping.time ? layout.clockColumn : null;
    this.dateOnly = isDateOnly(kind) && clockColumn === null;
    this.notes.push(describeZone(layout, this.dateOnly, kind === 'date-time' && hasExplicitZone(sample)));
    this.plan = { mapping: this.mapping!, clockColumn, parseTime: timeParser(kind, layout.zone) };
    return this.plan;
  }

  private rowError(line: number, message: string): void {
    this.errorCount += 1;
    if (this.errors.length < this.options.maxErrors) this.errors.push({ line, message });
  }

  private fileError(line: number, message: string): void {
    this.fileErrors.push({ line, message });
  }
}

function formatSpacing(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return `${ms / 60_000} minutes`;
  return `${ms / 1000} seconds`;
}
