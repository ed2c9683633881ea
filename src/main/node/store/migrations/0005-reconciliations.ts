import { sql, type Kysely } from 'kysely';

/**
 * What each comparison of the journal with a real broker found (at start, after every
 * stream reconnect, on demand): the differences as JSON, kept so the user can look back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reconciliations')
    .addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('time', 'integer', (col) => col.notNull())
    .addColumn('broker', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('differences', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('reconciliations_time').on('reconciliations').column('time').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reconciliations').execute();
}
