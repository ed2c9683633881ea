import type BetterSqlite3 from 'better-sqlite3';
import type { Instrument, Timeframe } from '@shared/dto/market-data';
import type { BarRange, BarStore, InstrumentStore } from '../../core/ports/bar-store';
import type { Bar, BarColumns } from '../../core/market-data/types';
import { prepareBarStatements, type BarStatements, type RangeParams } from './bars/bar-statements';
import { ColumnBuilder } from './bars/column-builder';
import { escapeLike, fromInstrumentRow, toInstrumentRow } from './bars/instrument-rows';
import type { InstrumentsTable } from './schema';

/** Open bounds for a range read; bar times are UTC ms and fit well inside these. */
const MIN_TIME = Number.MIN_SAFE_INTEGER;
const MAX_TIME = Number.MAX_SAFE_INTEGER;
/** First allocation of a range read without a small limit; doubles as rows arrive. */
const INITIAL_CAPACITY = 4096;

/** Bar writes per connection and series (`symbol|timeframe`), shared by every store instance on it. */
const BAR_WRITES = new WeakMap<BetterSqlite3.Database, Map<string, number>>();

/**
 * Bars and instruments on the raw better-sqlite3 handle with prepared statements: this is the
 * hot path (500k-bar chart loads, bulk imports), where kysely's per-query building would show.
 * Construct after migrations have run.
 */

export class SqliteBarStore implements BarStore, InstrumentStore {
  private readonly bars: BarStatements;
  private readonly upsertInstrument: BetterSqlite3.Statement<[InstrumentsTable]>;
  private readonly selectInstrument: BetterSqlite3.Statement<[string], InstrumentsTable>;
  private readonly searchInstrument: BetterSqlite3.Statement<[{ prefix: string; afterColon: string; contains: string; limit: number }], InstrumentsTable>;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.bars = prepareBarStatements(db);
    this.upsertInstrument = db.prepare<[InstrumentsTable]>(
      `insert into instruments (symbol, name, asset_class, exchange, currency, tick_size, lot_size, active)
       values (@symbol, @name, @asset_class, @exchange, @currency, @tick_size, @lot_size, @active)
       on conflict (symbol) do update set name = excluded.name, asset_class = excluded.asset_class,
         exchange = excluded.exchange, currency = excluded.currency, tick_size = excluded.tick_size,
         lot_size = excluded.lot_size, active = excluded.active`,
    );
    this.selectInstrument = db.prepare<[string], InstrumentsTable>('select * from instruments where symbol = ?');
    // A ticker also matches after its prefix (QQQ finds SIM:QQQ, BTC finds X:BTCUSD).
    this.searchInstrument = db.prepare<[{ prefix: string; afterColon: string; contains: string; limit: number }], InstrumentsTable>(
      `select * from instruments
       where symbol like @prefix escape '\\' or symbol like @afterColon escape '\\' or name like @contains escape '\\'
       order by (symbol like @prefix escape '\\') desc, (symbol like @afterColon escape '\\') desc, active desc, length(symbol), symbol
       limit @limit`,
    );
  }

  /**
   * Runs `fn` in one transaction (a savepoint when already inside one), so several upserts
   * commit together or not at all.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertBars(symbol: string, timeframe: Timeframe, bars: readonly Bar[]): number {
    const upsert = this.bars.upsert;
    const writes = this.writes();
    const key = `${symbol}|${timeframe}`;
    writes.set(key, (writes.get(key) ?? 0) + 1);
    return this.transaction(() => {
      let changed = 0;
      for (const bar of bars) {
        if (!isStorable(bar)) throw new Error(`Refusing to store a bar with a non-finite value: ${symbol} ${timeframe} @ ${bar.time}`);
        changed += upsert.run(
          symbol,
          timeframe,
          bar.time,
          String(bar.open),
          String(bar.high),
          String(bar.low),
          String(bar.close),
          String(bar.volume),
          bar.vwap === null ? null : String(bar.vwap),
          bar.trades,
        ).changes;
      }
      return changed;
    });
  }

  /**
   * The series' bar writes through this connection (every store on it counts) and SQLite's
   * data_version, which moves when another connection commits anything: together they change
   * whenever these bars may have.
   */
  dataVersion(symbols: readonly string[], timeframe: Timeframe): string {
    const writes = this.writes();
    const counts = symbols.map((symbol) => writes.get(`${symbol}|${timeframe}`) ?? 0);
    return `${counts.join(',')}:${String(this.db.pragma('data_version', { simple: true }))}`;
  }

  private writes(): Map<string, number> {
    let writes = BAR_WRITES.get(this.db);
    if (!writes) {
      writes = new Map();
      BAR_WRITES.set(this.db, writes);
    }
    return writes;
  }

  readBars(range: BarRange): BarColumns {
    const limit = range.limit === undefined ? -1 : Math.max(0, Math.floor(range.limit));
    const params: RangeParams = [range.symbol, range.timeframe, range.from ?? MIN_TIME, range.to ?? MAX_TIME, limit];
    const builder = new ColumnBuilder(limit >= 0 && limit < INITIAL_CAPACITY * 16 ? limit : INITIAL_CAPACITY);
    // The latest N: walk the index backwards with LIMIT, then put the rows oldest first.
    const latest = range.latest === true && limit >= 0;
    builder.addAll((latest ? this.bars.rangeDesc : this.bars.rangeAsc).iterate(...params));
    return builder.finish(latest);
  }

  extent(symbol: string, timeframe: Timeframe): { first: number; last: number; count: number } | null {
    const first = this.bars.first.get(symbol, timeframe);
    const last = this.bars.last.get(symbol, timeframe);
    if (first === undefined || last === undefined) return null;
    return { first, last, count: this.bars.count.get(symbol, timeframe) ?? 0 };
  }

  upsertInstruments(instruments: readonly Instrument[]): void {
    this.transaction(() => {
      for (const instrument of instruments) this.upsertInstrument.run(toInstrumentRow(instrument));
    });
  }

  getInstrument(symbol: string): Instrument | null {
    const row = this.selectInstrument.get(symbol);
    return row ? fromInstrumentRow(row) : null;
  }

  searchInstruments(query: string, limit: number): Instrument[] {
    const text = escapeLike(query.trim());
    const rows = this.searchInstrument.all({
      prefix: `${text}%`,
      afterColon: `%:${text}%`,
      contains: `%${text}%`,
      limit: Math.max(0, Math.floor(limit)),
    });
    return rows.map(fromInstrumentRow);
  }
}

function isStorable(bar: Bar): boolean {
  return (
    Number.isSafeInteger(bar.time) &&
    Number.isFinite(bar.open) &&
    Number.isFinite(bar.high) &&
    Number.isFinite(bar.low) &&
    Number.isFinite(bar.close) &&
    Number.isFinite(bar.volume) &&
    (bar.vwap === null || Number.isFinite(bar.vwap)) &&
    (bar.trades === null || Number.isSafeInteger(bar.trades))
  );
}
