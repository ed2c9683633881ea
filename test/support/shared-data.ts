import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real market data beside the repository (../shared/data by default, or
 * KESTREL_SHARED_DATA). Tests that need it fail loudly when it is absent rather than pass
 * on nothing.
 */
export const SHARED_DATA = resolve(process.env.KESTREL_SHARED_DATA ?? resolve(__dirname, '../../../shared/data'));

export function sharedDataFile(relative: string): string {
  const file = resolve(SHARED_DATA, relative);
  if (!existsSync(file)) {
    throw new Error(
      `Real market data not found: ${file}. Put the shared data set at ../shared/data or set KESTREL_SHARED_DATA to its folder.`,
    );
  }
  return file;
}
