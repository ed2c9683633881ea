import { sql, type Kysely } from 'kysely';

/**
 * Instruments, bars per timeframe and optional raw trades. Prices and sizes are TEXT decimals
 * (written with String(n), which round-trips the source's decimal text exactly).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instruments')
    .addColumn('symbol', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('asset_class', 'text', (col) => col.notNull())
    .addColumn('exchange', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('tick_size', 'text', (col) => col.notNull())
    .addColumn('lot_size', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull())
    .modifyEnd(sql` strict`)
    .execute();

  // The primary key is the range index (symbol, timeframe, time); WITHOUT ROWID stores the
  // rows in that order, so a range read is one sequential walk of one b-tree.
  await db.schema
    .createTable('bars')
    .addColumn('symbol', 'text', (col) => col.notNull())
    .addColumn('timeframe', 'text', (col) => col.notNull())
    .addColumn('time', 'integer', (col) => col.notNull())
    .addColumn('open', 'text', (col) => col.notNull())
    .addColumn('high', 'text', (col) => col.notNull())
    .addColumn('low', 'text', (col) => col.notNull())
    .addColumn('close', 'text', (col) => col.notNull())
    .addColumn('volume', 'text', (col) => col.notNull())
    .addColumn('vwap', 'text')
    .addColumn('trades', 'integer')
    .addPrimaryKeyConstraint('bars_pk', ['symbol', 'timeframe', 'time'])
    .modifyEnd(sql` without rowid, strict`)
    .execute();

  // Raw ticks have no natural key across feeds, so they keep a rowid and a plain index.
  await db.schema
    .createTable('trades')
    .addColumn('symbol', 'text', (col) => col.notNull())
    .addColumn('time_ns', 'text')
    .addColumn('time', 'integer', (col) => col.notNull())
    .addColumn('price', 'text', (col) => col.notNull())
    .addColumn('size', 'text', (col) => col.notNull())
    .addColumn('exchange', 'integer')
    .addColumn('conditions', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('trade_id', 'text')
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('trades_symbol_time').on('trades').columns(['symbol', 'time']).execute();
}
