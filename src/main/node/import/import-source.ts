import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { ImportSource } from '@shared/dto/data-import';
import { DomainError } from '../../core/api/domain-error';
import { assertImportableName, displayFileName } from './import-file-name';
import type { UploadStore } from './upload-store';

export interface ResolvedSource {
  fileName: string;
  path: string;
  totalBytes: number;
  /** Set for uploads, which are deleted once imported. */
  uploadId: string | null;
}

/**
 * A path on the engine's machine (desktop, CLI: read in place) or a finished browser upload.
 * Paths must be absolute (the engine's working directory is not the caller's).
 */
export async function resolveSource(source: ImportSource, uploads: UploadStore): Promise<ResolvedSource> {
  if (source.kind === 'upload') {
    await uploads.ready;
    const upload = uploads.complete(source.uploadId);
    return { fileName: upload.fileName, path: upload.path, totalBytes: upload.size, uploadId: upload.id };
  }
  if (!isAbsolute(source.path)) throw new DomainError('INVALID_PARAMS', `The path must be absolute: ${source.path}`);
  assertImportableName(source.path);
  const info = await stat(source.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new DomainError('NOT_FOUND', `No such file: ${source.path}`);
    if (error.code === 'EACCES' || error.code === 'EPERM') throw new DomainError('FORBIDDEN', `Cannot read ${source.path}: permission denied`);
    throw error;
  });
  if (!info.isFile()) throw new DomainError('INVALID_PARAMS', `Not a file: ${source.path}`);
  return { fileName: displayFileName(source.path), path: source.path, totalBytes: info.size, uploadId: null };
}
