import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportProgress, ImportRequest, ImportResult, ImportSource } from '@shared/dto/data-import';
import type { Instrument, Timeframe } from '@shared/dto/market-data';
import type { BarStore, InstrumentStore } from '../../core/ports/bar-store';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import { BarCsvReader } from '../../core/import/bar-csv-reader';
import type { BarBuffer } from '../../core/import/bar-buffer';
import { readCsvFile } from './read-csv-file';
import { resolveSource } from './import-source';
import type { UploadStore } from './upload-store';

/** The store the importer writes through: bars, instruments and one enclosing transaction. */
export interface ImportStore extends BarStore, InstrumentStore {
  transaction<T>(fn: () => T): T;
}

export interface ImportServiceDeps {
  store: ImportStore;
  uploads: UploadStore;
  clock: Clock;
  logger: Logger;
}

/** A preview reads this many data rows: enough to infer the timeframe and show early errors. */
const PREVIEW_ROWS = 2000;
const PREVIEW_SAMPLE = 20;
const PREVIEW_ERRORS = 50;
const RESULT_ERRORS = 200;
const PROGRESS_EVERY = 50_000;
const WRITE_BATCH = 10_000;

/**
 * The one CSV importer behind `md.import.*` and `kestrel import`. A commit reads the whole file
 * first; if any row is bad it writes nothing and lists the errors, otherwise it writes every
 * bar (and a minimal instrument per new symbol) in one transaction.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  async preview(source: ImportSource): Promise<ImportPreview> {
    const file = await resolveSource(source, this.deps.uploads);
    const reader = new BarCsvReader({ fileName: file.fileName, keepBars: false, requireSymbol: false, maxErrors: PREVIEW_ERRORS, sampleRows: PREVIEW_SAMPLE });
    await readCsvFile(file.path, reader, { maxRecords: PREVIEW_ROWS + 1 });
    const result = reader.finish();
    this.deps.logger.debug('Import preview', { file: file.fileName, format: result.format, notes: result.notes.join(' ') });
    return {
      fileName: file.fileName,
      format: result.format,
      header: result.header,
      mapping: result.mapping,
      symbol: result.symbol,
      timeframe: result.timeframe,
      sampleRows: result.sampleRows,
      errors: result.errors,
      notes: result.notes.slice(0, 10),
    };
  }

  async commit(request: ImportRequest, onProgress: (progress: ImportProgress) => void = () => {}): Promise<ImportResult> {
    const started = this.deps.clock.now();
    const file = await resolveSource(request.source, this.deps.uploads);
    const importId = randomUUID();
    const reader = new BarCsvReader({
      fileName: file.fileName,
      keepBars: true,
      requireSymbol: true,
      maxErrors: RESULT_ERRORS,
      ...(request.symbol === undefined ? {} : { symbol: request.symbol }),
      ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
      ...(request.timeframe === undefined ? {} : { timeframe: request.timeframe }),
    });
    const read = await readCsvFile(file.path, reader, {
      progressEvery: PROGRESS_EVERY,
      onProgress: (_records, bytes) => onProgress({ importId, rows: reader.rows, bytes, totalBytes: file.totalBytes }),
    });
    const parsed = reader.finish();
    // Rows of a file that names no symbol are held under '' until the user says which it is.
    const symbols = parsed.bars.symbols().filter((symbol) => symbol !== '').sort();
    const base = { importId, symbols, timeframe: parsed.timeframe, rows: parsed.rows, errors: parsed.errors, errorCount: parsed.errorCount };
    if (parsed.errorCount > 0) {
      this.deps.logger.info('Import refused: bad rows', { file: file.fileName, rows: parsed.rows, errors: parsed.errorCount });
      return { ...base, written: 0, committed: false };
    }
    const written = this.write(parsed.bars, symbols, parsed.timeframe);
    onProgress({ importId, rows: parsed.rows, bytes: read.bytes, totalBytes: file.totalBytes });
    if (file.uploadId !== null) await this.deps.uploads.remove(file.uploadId);
    this.deps.logger.info('Import committed', {
      file: file.fileName,
      symbols: symbols.length,
      timeframe: parsed.timeframe,
      rows: parsed.rows,
      written,
      ms: this.deps.clock.now() - started,
      notes: parsed.notes.join(' '),
    });
    return { ...base, written, committed: true };
  }

  /** All symbols in one transaction: a failure part-way leaves the store as it was. */
  private write(bars: BarBuffer, symbols: readonly string[], timeframe: Timeframe): number {
    const { store } = this.deps;
    return store.transaction(() => {
      let written = 0;
      for (const symbol of symbols) {
        const count = bars.count(symbol);
        for (let start = 0; start < count; start += WRITE_BATCH) {
          written += store.upsertBars(symbol, timeframe, bars.slice(symbol, start, start + WRITE_BATCH));
        }
      }
      // Imported symbols get a minimal instrument; one that already exists is left alone.
      store.upsertInstruments(symbols.filter((symbol) => store.getInstrument(symbol) === null).map(minimalInstrument));
      return written;
    });
  }
}

function minimalInstrument(symbol: string): Instrument {
  return { symbol, name: symbol, assetClass: 'stock', exchange: '', currency: 'USD', tickSize: '0.01', lotSize: '1', active: true };
}
