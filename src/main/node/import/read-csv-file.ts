import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CsvError, parse } from 'csv-parse';

/** Where a record goes: the header first, then each data row with its 1-based line number. */
export interface RecordSink {
  accept(record: readonly string[], line: number): void;
  /** A problem that ends the read (broken quoting, a corrupt gzip stream). */
  fail(line: number, message: string): void;
}

export interface ReadOptions {
  /** Stop after this many records (header included); a preview needs only the start. */
  maxRecords?: number;
  /** Called every `progressEvery` records with the records so far and the file bytes read. */
  onProgress?: (records: number, bytes: number) => void;
  progressEvery?: number;
}

export interface ReadSummary {
  records: number;
  /** Bytes of the file itself (compressed, for .gz) read. */
  bytes: number;
}

/** gzip by content (magic 1f 8b), not by name: uploads may be named anything. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

class StopReading extends Error {}

/**
 * Streams a CSV (or gzipped CSV) file through csv-parse into `sink`. Line numbers are counted
 * here rather than taken from csv-parse's per-record `info` (which doubles the parse time):
 * empty lines are kept as records so every record is one line, and skipped here.
 */
export async function readCsvFile(path: string, sink: RecordSink, options: ReadOptions = {}): Promise<ReadSummary> {
  const gzip = await isGzipFile(path);
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  file.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
  });
  let line = 0;
  let records = 0;
  const broken: { error?: Error } = {};
  const every = options.progressEvery ?? 50_000;
  const max = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const rows = new Writable({
    objectMode: true,
    highWaterMark: 1024,
    write(record: string[], _encoding, done) {
      line += 1;
      if (record.length === 1 && record[0]!.trim() === '') {
        done();
        return;
      }
      records += 1;
      try {
        sink.accept(record, line);
        if (options.onProgress && records % every === 0) options.onProgress(records, bytes);
      } catch (error) {
        // A bug in the sink is not a problem with the file: it is rethrown after the read.
        broken.error = error instanceof Error ? error : new Error(String(error));
        done(new StopReading());
        return;
      }
      done(records >= max ? new StopReading() : null);
    },
  });
  const parser = parse({ relax_column_count: true, skip_empty_lines: false, bom: true });
  const stages: (Readable | Writable)[] = gzip ? [file, createGunzip(), parser, rows] : [file, parser, rows];
  try {
    await pipeline(stages);
  } catch (error) {
    if (!(error instanceof StopReading)) sink.fail(failedLine(error, line + 1), describeReadError(error, gzip));
  } finally {
    file.destroy();
  }
  if (broken.error) throw broken.error;
  return { records, bytes };
}

function failedLine(error: unknown, fallback: number): number {
  if (error instanceof CsvError && 'lines' in error && typeof error.lines === 'number') return error.lines;
  return fallback;
}

function describeReadError(error: unknown, gzip: boolean): string {
  if (error instanceof CsvError) return `The CSV cannot be read past here: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (gzip && typeof code === 'string' && code.startsWith('Z_')) return `The gzip data is corrupt or cut short (${code})`;
  return `The file cannot be read: ${error instanceof Error ? error.message : String(error)}`;
}
