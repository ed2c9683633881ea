import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface SqliteStore {
  readonly db: Kysely<Database>;
  /** The raw handle, for pragmas and hot-path bulk statements. */
  readonly sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the engine database. WAL lets the UI read while the engine writes;
 * synchronous=FULL because an acknowledged order event must survive a power cut, not only
 * a process crash.
 */
export function openSqliteStore(file: string, options: { nativeBinding?: string } = {}): SqliteStore {
  const sqlite = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && file !== ':memory:') throw new Error(`SQLite refused WAL mode (got ${String(mode)})`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
