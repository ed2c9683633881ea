import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openSqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { tempDir } from './temp-dir';

/** A real SQLite file in `dir`, migrated, with the real bar store on it. */
export async function openBarStore(dir: string): Promise<{ store: SqliteBarStore; close(): Promise<void> }> {
  const sqlite = openSqliteStore(join(dir, 'kestrel.db'));
  await migrateToLatest(sqlite.db);
  return { store: new SqliteBarStore(sqlite.sqlite), close: () => sqlite.close() };
}

const open: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

/** openBarStore in a fresh temp directory, closed after the test. */
export async function testBarStore(): Promise<SqliteBarStore> {
  const { store, close } = await openBarStore(tempDir());
  open.push(close);
  return store;
}
