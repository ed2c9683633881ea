import { readFile, writeFile, unlink, open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HostKind } from '@shared/dto/system';

/**
 * `engine.json` in the data directory: which process owns it and, when it listens, where
 * and with which token. Created exclusively (the lock) and readable by the owner only.
 */
export const EngineRecord = z.object({
  pid: z.number().int().positive(),
  host: HostKind,
  version: z.string(),
  startedAt: z.number().int(),
  url: z.string().optional(),
  token: z.string().optional(),
});
export type EngineRecord = z.infer<typeof EngineRecord>;

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

const RECORD_FILE = 'engine.json';
const lockedHere = new Set<string>();

export function recordPath(dataDir: string): string {
  return join(dataDir, RECORD_FILE);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live owner of a data directory, or null when none runs (a stale record is ignored). */
export async function readEngineRecord(dataDir: string): Promise<EngineRecord | null> {
  let text: string;
  try {
    text = await readFile(recordPath(dataDir), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const record = EngineRecord.safeParse(json);
  if (!record.success) return null;
  if (record.data.pid === process.pid) return lockedHere.has(dataDir) ? record.data : null;
  return isAlive(record.data.pid) ? record.data : null;
}

export interface EngineLock {
  update(patch: Partial<Pick<EngineRecord, 'url' | 'token'>>): Promise<void>;
  release(): Promise<void>;
}

export async function acquireEngineLock(dataDir: string, record: EngineRecord): Promise<EngineLock> {
  const file = recordPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      lockedHere.add(dataDir);
      return lockFor(dataDir, file, record);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readEngineRecord(dataDir);
      if (owner) {
        throw new DataDirInUseError(
          `The data directory ${dataDir} is in use by another Kestrel engine (pid ${owner.pid}, ${owner.host}). Stop it, or choose another --data-dir.`,
        );
      }
      await unlink(file).catch(() => undefined); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`Could not lock the data directory ${dataDir}`);
}

function lockFor(dataDir: string, file: string, initial: EngineRecord): EngineLock {
  let current = initial;
  let released = false;
  return {
    async update(patch) {
      current = { ...current, ...patch };
      await writeFile(file, JSON.stringify(current), { mode: 0o600 });
    },
    async release() {
      if (released) return;
      released = true;
      lockedHere.delete(dataDir);
      await unlink(file).catch(() => undefined);
    },
  };
}
