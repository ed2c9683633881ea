import { sql, type Kysely } from 'kysely';

/**
 * Saved backtest runs: what was asked (request JSON, with strategy, symbols, timeframe and
 * range also as columns for listing) and what came out (metrics JSON for the list; trades,
 * fills and the equity curve as JSON blobs, read only when one run is opened or exported).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backtests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('strategy', 'text', (col) => col.notNull())
    // JSON array of symbol codes.
    .addColumn('symbols', 'text', (col) => col.notNull())
    .addColumn('timeframe', 'text', (col) => col.notNull())
    .addColumn('from_time', 'integer')
    .addColumn('to_time', 'integer')
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('request', 'text', (col) => col.notNull())
    .addColumn('metrics', 'text', (col) => col.notNull())
    .addColumn('bars', 'integer', (col) => col.notNull())
    .addColumn('first_bar_time', 'integer')
    .addColumn('last_bar_time', 'integer')
    .addColumn('duration_ms', 'real', (col) => col.notNull())
    .addColumn('trades', 'text', (col) => col.notNull())
    .addColumn('fills', 'text', (col) => col.notNull())
    .addColumn('equity', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('backtests_created').on('backtests').columns(['created_at']).execute();
}
