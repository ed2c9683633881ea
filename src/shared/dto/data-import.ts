import { z } from 'zod';
import { SymbolCode, Timeframe } from './market-data';

export const ImportFormat = z.enum(['generic', 'yahoo', 'stooq', 'per-symbol']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Where the file is: a path on the engine's machine (desktop, CLI) or an upload (browser). */
export const ImportSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.strictObject({ kind: z.literal('upload'), uploadId: z.string().min(1).max(64) }),
]);
export type ImportSource = z.infer<typeof ImportSource>;

export const ColumnMapping = z.strictObject({
  symbol: z.number().int().nonnegative().nullable(),
  time: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  close: z.number().int().nonnegative(),
  volume: z.number().int().nonnegative().nullable(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const RowError = z.strictObject({ line: z.number().int(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

export const ImportPreview = z.strictObject({
  fileName: z.string(),
  format: ImportFormat,
  header: z.array(z.string()),
  mapping: ColumnMapping,
  /** From the file name (per-symbol files) or the symbol column; null when the user must say. */
  symbol: SymbolCode.nullable(),
  timeframe: Timeframe,
  sampleRows: z.array(z.array(z.string())).max(20),
  errors: z.array(RowError).max(50),
  /** How the file is read where a user could guess wrong: time zone, ignored columns. */
  notes: z.array(z.string().max(300)).max(10),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRequest = z.strictObject({
  source: ImportSource,
  /** Overrides for what the preview detected. */
  symbol: SymbolCode.optional(),
  timeframe: Timeframe.optional(),
  mapping: ColumnMapping.optional(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResult = z.strictObject({
  importId: z.string(),
  symbols: z.array(SymbolCode),
  timeframe: Timeframe,
  rows: z.number().int(),
  /** New or changed bars; re-importing the same file writes 0. */
  written: z.number().int(),
  /** All-or-nothing: when any row is bad nothing is written and committed is false. */
  committed: z.boolean(),
  errors: z.array(RowError).max(200),
  errorCount: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportProgress = z.strictObject({
  importId: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** Upload chunks are base64 text; the bridge accepts 256 KiB frames. */
export const MAX_UPLOAD_CHUNK_BASE64 = 192 * 1024;
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
