import type BetterSqlite3 from 'better-sqlite3';

/** Bound parameters of a range read: symbol, timeframe, from, to, limit (-1 = none). */
export type RangeParams = [symbol: string, timeframe: string, from: number, to: number, limit: number];
/** A raw row of a range read: time, open, high, low, close, volume (prices as decimal text). */
export type RangeRow = [time: number, open: string, high: string, low: string, close: string, volume: string];
export type BarParams = [
  symbol: string,
  timeframe: string,
  time: number,
  open: string,
  high: string,
  low: string,
  close: string,
  volume: string,
  vwap: string | null,
  trades: number | null,
];

export interface BarStatements {
  upsert: BetterSqlite3.Statement<BarParams>;
  rangeAsc: BetterSqlite3.Statement<RangeParams, RangeRow>;
  rangeDesc: BetterSqlite3.Statement<RangeParams, RangeRow>;
  first: BetterSqlite3.Statement<[string, string], number>;
  last: BetterSqlite3.Statement<[string, string], number>;
  count: BetterSqlite3.Statement<[string, string], number>;
}

const COLUMNS = 'time, open, high, low, close, volume';
const RANGE = 'from bars where symbol = ? and timeframe = ? and time >= ? and time <= ?';

/**
 * The hot-path statements, prepared once on the raw handle. The upsert's WHERE makes an
 * identical row a no-op, so `changes` counts only new or changed bars (a re-import writes 0).
 * `is not` compares NULLs as values (vwap and trades are often NULL).
 */
export function prepareBarStatements(db: BetterSqlite3.Database): BarStatements {
  return {
    upsert: db.prepare<BarParams>(
      `insert into bars (symbol, timeframe, time, open, high, low, close, volume, vwap, trades)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (symbol, timeframe, time) do update set
         open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
         volume = excluded.volume, vwap = excluded.vwap, trades = excluded.trades
       where open is not excluded.open or high is not excluded.high or low is not excluded.low
         or close is not excluded.close or volume is not excluded.volume
         or vwap is not excluded.vwap or trades is not excluded.trades`,
    ),
    rangeAsc: db.prepare<RangeParams, RangeRow>(`select ${COLUMNS} ${RANGE} order by time asc limit ?`).raw(),
    rangeDesc: db.prepare<RangeParams, RangeRow>(`select ${COLUMNS} ${RANGE} order by time desc limit ?`).raw(),
    // min/max through ORDER BY … LIMIT 1 are single index seeks.
    first: db.prepare<[string, string], number>('select time from bars where symbol = ? and timeframe = ? order by time asc limit 1').pluck(),
    last: db.prepare<[string, string], number>('select time from bars where symbol = ? and timeframe = ? order by time desc limit 1').pluck(),
    count: db.prepare<[string, string], number>('select count(*) from bars where symbol = ? and timeframe = ?').pluck(),
  };
}
