import { basename } from 'node:path';
import { DomainError } from '../../core/api/domain-error';

const IMPORTABLE = /\.(csv|txt)(\.gz)?$|\.gz$/i;

/** The base name of a client-given file name (which may carry a Windows or POSIX path). */
export function displayFileName(fileName: string): string {
  return basename(fileName.replace(/\\/g, '/')).slice(0, 255) || 'upload.csv';
}

/** Only CSV-like files: .csv, .txt, optionally gzipped (.gz). */
export function assertImportableName(fileName: string): void {
  if (!IMPORTABLE.test(fileName)) {
    throw new DomainError('INVALID_PARAMS', `Kestrel imports .csv, .txt and .gz files, not ${JSON.stringify(displayFileName(fileName))}`);
  }
}
