import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RpcError } from '@shared/client/rpc-error';
import type { ImportPreview, ImportResult } from '@shared/dto/data-import';
import { SymbolCode, Timeframe } from '@shared/dto/market-data';
import { resolveDataDir } from '../../data-dir/resolve-data-dir';
import { CliError } from '../cli-error';
import { withEngine, type EngineAccess } from '../engine-access';
import { printResult, type CliIo } from '../io';

export const IMPORT_HELP = `kestrel import FILE... [--symbol S] [--timeframe TF] [--data-dir DIR] [--json]
  Import OHLCV bars from CSV files (.csv, .txt or gzipped .gz): Yahoo, Stooq (daily and
  intraday), generic symbol,timestamp,open,high,low,close,volume, or one file per symbol named
  after it (spy.us.txt → SPY). Each file is all or nothing: one bad row and nothing of that
  file is written; its errors are listed. Importing the same file again writes 0 bars.
  Goes through the engine that owns the data directory (the running one when there is one).
  --symbol S       symbol of files that do not name one; for a file with a symbol column,
                   import only S
  --timeframe TF   1s, 1m, 5m, 15m, 1h or 1d, when the spacing of the bars does not tell
Exit code 1 when any file was not imported.`;

const SHOWN_ERRORS = 20;

interface FileOutcome {
  file: string;
  preview?: Omit<ImportPreview, 'sampleRows'>;
  result?: ImportResult;
  error?: string;
}

export async function importCommand(args: string[], io: CliIo, version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { symbol: { type: 'string' }, timeframe: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new CliError('Name at least one file to import.');
  const symbol = values.symbol === undefined ? undefined : parseSymbol(values.symbol);
  const timeframe = values.timeframe === undefined ? undefined : parseTimeframe(values.timeframe);
  const json = values.json ?? false;
  const files = positionals.map((file) => resolve(file));

  const outcomes = await withEngine(resolveDataDir(values['data-dir'], io.env), version, async (access) => {
    const stopProgress = json ? () => {} : showProgress(access, io);
    try {
      const done: FileOutcome[] = [];
      for (const file of files) {
        const outcome = await importOne(access, file, { symbol, timeframe });
        if (!json) io.out(describeOutcome(outcome));
        done.push(outcome);
      }
      return done;
    } finally {
      stopProgress();
    }
  });
  if (json) printResult(io, true, outcomes, () => '');
  return outcomes.every((outcome) => outcome.result?.committed === true) ? 0 : 1;
}

async function importOne(access: EngineAccess, file: string, overrides: { symbol?: string; timeframe?: Timeframe }): Promise<FileOutcome> {
  const source = { kind: 'path' as const, path: file };
  try {
    const { sampleRows: _sample, ...preview } = await access.client.call('md.import.preview', { source });
    const result = await access.client.call('md.import.commit', {
      source,
      ...(overrides.symbol === undefined ? {} : { symbol: overrides.symbol }),
      ...(overrides.timeframe === undefined ? {} : { timeframe: overrides.timeframe }),
    });
    return { file, preview, result };
  } catch (error) {
    // One unreadable file does not stop the others; it is reported and fails the exit code.
    if (error instanceof RpcError) return { file, error: `${error.code}: ${error.message}` };
    throw error;
  }
}

function describeOutcome(outcome: FileOutcome): string {
  const { file, preview, result } = outcome;
  if (!result || !preview) return `${file}\n  not imported: ${outcome.error ?? 'unknown error'}`;
  const symbols = result.symbols.length <= 5 ? result.symbols.join(', ') : `${result.symbols.length} symbols`;
  const lines = [`${file}`, `  ${preview.format} file, ${symbols || preview.symbol || 'no symbol'}, ${result.timeframe}, ${result.rows} rows`];
  if (result.committed) {
    lines.push(`  imported: ${result.written} bars written (${result.rows - result.written} already stored)`);
  } else {
    lines.push(`  not imported: ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, nothing written`);
    for (const error of result.errors.slice(0, SHOWN_ERRORS)) lines.push(`    ${error.line > 0 ? `line ${error.line}: ` : ''}${error.message}`);
    if (result.errorCount > SHOWN_ERRORS) lines.push(`    … and ${result.errorCount - SHOWN_ERRORS} more`);
  }
  return lines.join('\n');
}

/** Progress on stderr, so stdout stays the result. */
function showProgress(access: EngineAccess, io: CliIo): () => void {
  return access.client.subscribe('md.import.progress', (progress) => {
    const percent = progress.totalBytes > 0 ? Math.floor((100 * progress.bytes) / progress.totalBytes) : 0;
    io.err(`  … ${progress.rows.toLocaleString('en-US')} rows (${percent}% of the file)`);
  });
}

function parseSymbol(text: string): string {
  const symbol = SymbolCode.safeParse(text.toUpperCase());
  if (!symbol.success) throw new CliError(`--symbol must be 1–32 of A–Z, 0–9 and . : / ^ _ - (got "${text}").`);
  return symbol.data;
}

export function parseTimeframe(text: string): Timeframe {
  const timeframe = Timeframe.safeParse(text);
  if (!timeframe.success) throw new CliError(`--timeframe must be one of ${Timeframe.options.join(', ')} (got "${text}").`);
  return timeframe.data;
}
