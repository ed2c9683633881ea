import { join } from 'node:path';
import type { ImportProgress } from '@shared/dto/data-import';
import type { DomainHandlers } from '../../core/api/handlers';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import { ImportService, type ImportStore } from './import-service';
import { UploadStore } from './upload-store';

export interface ImportDeps {
  store: ImportStore;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** Usually `(p) => hub.publish('md.import.progress', p)`. */
  publishProgress: (progress: ImportProgress) => void;
}

export type ImportMethods = 'md.import.begin' | 'md.import.chunk' | 'md.import.preview' | 'md.import.commit';

/**
 * CSV import over the contract. Building the handlers clears `<dataDir>/uploads` (uploads do
 * not survive a restart); every upload call waits for that to finish.
 */
export function importHandlers(deps: ImportDeps): DomainHandlers<ImportMethods> {
  const uploads = new UploadStore(join(deps.dataDir, 'uploads'), deps.clock);
  const service = new ImportService({ store: deps.store, uploads, clock: deps.clock, logger: deps.logger });
  return {
    'md.import.begin': ({ fileName, size }) => uploads.begin(fileName, size),
    'md.import.chunk': ({ uploadId, offset, base64 }) => uploads.chunk(uploadId, offset, base64),
    'md.import.preview': ({ source }) => service.preview(source),
    'md.import.commit': (request) => service.commit(request, deps.publishProgress),
  };
}
