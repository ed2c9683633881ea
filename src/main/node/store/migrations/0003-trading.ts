import { sql, type Kysely } from 'kysely';

/**
 * The trading journal: orders (latest state plus an append-only event trail), fills, cash
 * movements, kill switch and replay cursors, equity snapshots. Money is TEXT decimal, time
 * INTEGER epoch ms.
 *
 * `orders` and `fills` keep an explicit `seq` rowid alias so "oldest first" and "booking order"
 * rest on a declared column that VACUUM never renumbers; the business ids are UNIQUE keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('client_order_id', 'text', (col) => col.notNull().unique())
    .addColumn('symbol', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('created_at', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'integer', (col) => col.notNull())
    // JSON of the OrderDto as it now stands.
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
  // (status, created_at) serves both "open orders" and a status filter read newest first.
  await db.schema.createIndex('orders_status').on('orders').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('orders_symbol_created').on('orders').columns(['symbol', 'created_at']).execute();

  // Append-only audit trail: never updated, never deleted.
  await db.schema
    .createTable('order_events')
    .addColumn('seq', 'integer', (col) => col.primaryKey().autoIncrement())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('time', 'integer', (col) => col.notNull())
    .addColumn('snapshot', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'seq']).execute();

  // No foreign key to orders: the journal keeps every execution a broker reported.
  await db.schema
    .createTable('fills')
    .addColumn('seq', 'integer', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('client_order_id', 'text', (col) => col.notNull())
    .addColumn('symbol', 'text', (col) => col.notNull())
    .addColumn('side', 'text', (col) => col.notNull().check(sql`side in ('buy', 'sell')`))
    .addColumn('quantity', 'text', (col) => col.notNull())
    .addColumn('price', 'text', (col) => col.notNull())
    .addColumn('commission', 'text', (col) => col.notNull())
    .addColumn('time', 'integer', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('fills_symbol_time').on('fills').columns(['symbol', 'time']).execute();

  await db.schema
    .createTable('cash_movements')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('amount', 'text', (col) => col.notNull())
    .addColumn('time', 'integer', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();

  // 'kill_switch' and 'cursor:<name>' keys; values are JSON.
  await db.schema
    .createTable('trading_state')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();

  await db.schema
    .createTable('equity_snapshots')
    .addColumn('time', 'integer', (col) => col.primaryKey())
    .addColumn('equity', 'text', (col) => col.notNull())
    .addColumn('cash', 'text', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();
}
