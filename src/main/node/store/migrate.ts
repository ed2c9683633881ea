import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations';

/** Start-up refuses a database whose migration history disagrees with this build. */
export class MigrationMismatchError extends Error {
  override readonly name = 'MigrationMismatchError';
}

/**
 * Applied migrations must be a prefix of the shipped list, name for name. Anything else
 * (a database from a newer Kestrel, a renamed or removed migration) is refused rather than
 * guessed at. Returns a description of the first disagreement, or null.
 */
export function findMigrationMismatch(applied: readonly string[], shipped: readonly string[]): string | null {
  for (let i = 0; i < applied.length; i += 1) {
    const expected = shipped[i];
    if (expected === undefined) {
      return `the database has migration "${applied[i]}", which this version of Kestrel does not ship (is the data directory from a newer version?)`;
    }
    if (applied[i] !== expected) {
      return `migration #${i + 1} in the database is "${applied[i]}" but this version ships "${expected}" there`;
    }
  }
  return null;
}

async function readApplied(db: Kysely<unknown>): Promise<string[]> {
  const table = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db);
  if (table.rows.length === 0) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((row) => row.name);
}

export interface MigrationReport {
  applied: string[];
  newlyApplied: string[];
}

export async function migrateToLatest<DB>(
  typed: Kysely<DB>,
  migrations: readonly (readonly [string, Migration])[] = MIGRATIONS,
): Promise<MigrationReport> {
  // Migrations run before the typed schema exists, so they see an untyped database.
  const db = typed as unknown as Kysely<unknown>;
  const shipped = migrations.map(([name]) => name);
  const before = await readApplied(db);
  const mismatch = findMigrationMismatch(before, shipped);
  if (mismatch) throw new MigrationMismatchError(`Refusing to open the database: ${mismatch}.`);

  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(Object.fromEntries(migrations)) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
  return {
    applied: shipped,
    newlyApplied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
