import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES } from '@shared/dto/data-import';
import { DomainError } from '../../core/api/domain-error';
import type { Clock } from '../../core/ports/clock';
import { displayFileName, assertImportableName } from './import-file-name';

export interface Upload {
  id: string;
  /** The browser's file name (base name only), for format and symbol detection. */
  fileName: string;
  path: string;
  size: number;
  received: number;
  touchedAt: number;
}

export interface UploadStoreOptions {
  /** Uploads not touched for this long are dropped when the next one begins. */
  idleMs?: number;
  maxOpenUploads?: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Browser uploads under `<dataDir>/uploads/`: a declared size up front, then base64 chunks
 * strictly in order (a chunk must start exactly where the last ended), so a file on disk is
 * always a prefix of what the browser sent. Ids are random; files are named by id only.
 * Upload state lives in memory, so whatever is on disk at start is stale and removed.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload & { queue: Promise<unknown> }>();
  /** Settles once stale uploads from an earlier run are gone; every operation waits for it. */
  readonly ready: Promise<void>;
  private readonly idleMs: number;
  private readonly maxOpen: number;

  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    options: UploadStoreOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.maxOpen = options.maxOpenUploads ?? 8;
    this.ready = rm(dir, { recursive: true, force: true }).then(async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
    });
    // Callers see a failure when they await `ready`; this only keeps it from going unhandled.
    this.ready.catch(() => undefined);
  }

  async begin(fileName: string, size: number): Promise<{ uploadId: string }> {
    await this.ready;
    assertImportableName(fileName);
    if (size < 1 || size > MAX_UPLOAD_BYTES) throw new DomainError('INVALID_PARAMS', `An upload is 1 to ${MAX_UPLOAD_BYTES} bytes`);
    await this.dropIdle();
    if (this.uploads.size >= this.maxOpen) {
      throw new DomainError('UNAVAILABLE', `${this.maxOpen} uploads are already open; finish or wait for one`);
    }
    const id = randomUUID();
    const path = join(this.dir, `${id}.upload`);
    const handle = await open(path, 'wx', 0o600);
    await handle.close();
    this.uploads.set(id, { id, fileName: displayFileName(fileName), path, size, received: 0, touchedAt: this.clock.now(), queue: Promise.resolve() });
    return { uploadId: id };
  }

  /** Appends a chunk at `offset`; chunks of one upload are applied one at a time, in call order. */
  async chunk(uploadId: string, offset: number, base64: string): Promise<{ received: number }> {
    await this.ready;
    const upload = this.find(uploadId);
    const run = upload.queue.then(() => this.write(upload, offset, base64));
    upload.queue = run.catch(() => undefined);
    return await run;
  }

  /** A fully received upload, ready to preview or import. */
  complete(uploadId: string): Upload {
    const upload = this.find(uploadId);
    if (upload.received !== upload.size) {
      throw new DomainError('CONFLICT', `Upload ${uploadId} has ${upload.received} of ${upload.size} bytes; send the rest first`);
    }
    upload.touchedAt = this.clock.now();
    return upload;
  }

  async remove(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await upload.queue;
    await rm(upload.path, { force: true });
  }

  private find(uploadId: string): Upload & { queue: Promise<unknown> } {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new DomainError('NOT_FOUND', `No upload ${uploadId} (it finished, expired or never began)`);
    return upload;
  }

  private async write(upload: Upload, offset: number, base64: string): Promise<{ received: number }> {
    if (!this.uploads.has(upload.id)) throw new DomainError('NOT_FOUND', `Upload ${upload.id} was removed`);
    if (base64.length === 0 || !BASE64.test(base64)) throw new DomainError('INVALID_PARAMS', 'A chunk must be non-empty, padded base64');
    if (offset > upload.received) {
      throw new DomainError('CONFLICT', `Chunk at ${offset} leaves a gap: ${upload.received} bytes received so far; send from ${upload.received}`);
    }
    if (offset < upload.received) {
      throw new DomainError('CONFLICT', `Chunk at ${offset} overlaps what was received (${upload.received} bytes); send from ${upload.received}`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (offset + bytes.length > upload.size) {
      throw new DomainError('INVALID_PARAMS', `Chunk ends at ${offset + bytes.length}, past the declared size of ${upload.size} bytes`);
    }
    const handle = await open(upload.path, 'r+');
    try {
      await handle.write(bytes, 0, bytes.length, offset);
    } finally {
      await handle.close();
    }
    upload.received = offset + bytes.length;
    upload.touchedAt = this.clock.now();
    return { received: upload.received };
  }

  private async dropIdle(): Promise<void> {
    const cutoff = this.clock.now() - this.idleMs;
    const idle = [...this.uploads.values()].filter((upload) => upload.touchedAt < cutoff);
    for (const upload of idle) await this.remove(upload.id);
  }
}
