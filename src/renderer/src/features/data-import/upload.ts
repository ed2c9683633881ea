import { MAX_UPLOAD_BYTES, MAX_UPLOAD_CHUNK_BASE64 } from '@shared/dto/data-import';
import type { EngineClient } from '../../store/engine-client';

/** Raw bytes per chunk: the most whose base64 fits MAX_UPLOAD_CHUNK_BASE64 (3 bytes → 4 characters). */
export const UPLOAD_CHUNK_BYTES = Math.floor(MAX_UPLOAD_CHUNK_BASE64 / 4) * 3;

/** The part of a File the upload reads (a Blob with a name; tests pass one built from text). */
export interface UploadFile {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Why a file cannot be uploaded, or null when it can. */
export function uploadProblem(file: Pick<UploadFile, 'size'>): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB.`;
  return null;
}

/**
 * Sends a file to the engine in base64 chunks, one at a time (each frame stays under the
 * bridge's limit), reporting the bytes sent. Resolves with the upload id for preview/commit.
 */
export async function uploadFile(
  client: Pick<EngineClient, 'call'>,
  file: UploadFile,
  onProgress: (sent: number, total: number) => void,
  isCancelled: () => boolean = () => false,
): Promise<string> {
  const problem = uploadProblem(file);
  if (problem) throw new Error(problem);
  const { uploadId } = await client.call('md.import.begin', { fileName: file.name.slice(0, 255), size: file.size });
  onProgress(0, file.size);
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    if (isCancelled()) throw new Error('Upload cancelled');
    const end = Math.min(file.size, offset + UPLOAD_CHUNK_BYTES);
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    await client.call('md.import.chunk', { uploadId, offset, base64: bytesToBase64(bytes) });
    onProgress(end, file.size);
  }
  return uploadId;
}
