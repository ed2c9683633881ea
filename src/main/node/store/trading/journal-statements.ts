import type BetterSqlite3 from 'better-sqlite3';
import type { CashMovementsTable, EquitySnapshotsTable, TradingStateTable } from '../schema';
import type { FillRow } from './journal-rows';

export type OrderParams = [
  id: string,
  clientOrderId: string,
  symbol: string,
  status: string,
  parentId: string | null,
  createdAt: number,
  updatedAt: number,
  snapshot: string,
];
export type FillParams = [
  id: string,
  orderId: string,
  clientOrderId: string,
  symbol: string,
  side: string,
  quantity: string,
  price: string,
  commission: string,
  time: number,
];

export const CURSOR_PREFIX = 'cursor:';
export const KILL_SWITCH_KEY = 'kill_switch';
const FILL_COLUMNS = 'id, order_id, client_order_id, symbol, side, quantity, price, commission, time';

/** The journal's statements, prepared once on the raw handle (the append path is per order). */
export interface JournalStatements {
  /** Conflict target `id` only: a client order id taken by another order still raises UNIQUE. */
  upsertOrder: BetterSqlite3.Statement<OrderParams>;
  insertEvent: BetterSqlite3.Statement<[orderId: string, event: string, time: number, snapshot: string]>;
  /** `do nothing` on a known id, so `changes` is 0 for a duplicate (and NOT NULL still raises). */
  insertFill: BetterSqlite3.Statement<FillParams>;
  insertCash: BetterSqlite3.Statement<[id: string, amount: string, time: number, note: string]>;
  putState: BetterSqlite3.Statement<[key: string, value: string]>;
  upsertEquity: BetterSqlite3.Statement<[time: number, equity: string, cash: string]>;
  hasClientOrderId: BetterSqlite3.Statement<[string], number>;
  /** The id of the order holding a client order id. */
  holderOf: BetterSqlite3.Statement<[string], string>;
  allOrders: BetterSqlite3.Statement<[], { id: string; snapshot: string }>;
  allFills: BetterSqlite3.Statement<[], FillRow>;
  allCash: BetterSqlite3.Statement<[], CashMovementsTable>;
  allState: BetterSqlite3.Statement<[], TradingStateTable>;
  latestEquity: BetterSqlite3.Statement<[limit: number], EquitySnapshotsTable>;
  eventsOf: BetterSqlite3.Statement<[orderId: string], { seq: number; event: string; time: number; snapshot: string }>;
}

export function prepareJournalStatements(db: BetterSqlite3.Database): JournalStatements {
  return {
    upsertOrder: db.prepare<OrderParams>(
      `insert into orders (id, client_order_id, symbol, status, parent_id, created_at, updated_at, snapshot)
       values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set client_order_id = excluded.client_order_id, symbol = excluded.symbol,
         status = excluded.status, parent_id = excluded.parent_id, created_at = excluded.created_at,
         updated_at = excluded.updated_at, snapshot = excluded.snapshot`,
    ),
    insertEvent: db.prepare('insert into order_events (order_id, event, time, snapshot) values (?, ?, ?, ?)'),
    insertFill: db.prepare<FillParams>(`insert into fills (${FILL_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`),
    insertCash: db.prepare('insert into cash_movements (id, amount, time, note) values (?, ?, ?, ?) on conflict (id) do nothing'),
    putState: db.prepare('insert into trading_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value'),
    upsertEquity: db.prepare(
      'insert into equity_snapshots (time, equity, cash) values (?, ?, ?) on conflict (time) do update set equity = excluded.equity, cash = excluded.cash',
    ),
    hasClientOrderId: db.prepare<[string], number>('select 1 from orders where client_order_id = ?').pluck(),
    holderOf: db.prepare<[string], string>('select id from orders where client_order_id = ?').pluck(),
    allOrders: db.prepare<[], { id: string; snapshot: string }>('select id, snapshot from orders order by created_at, seq'),
    allFills: db.prepare<[], FillRow>(`select ${FILL_COLUMNS} from fills order by seq`),
    allCash: db.prepare<[], CashMovementsTable>('select id, amount, time, note from cash_movements order by time, rowid'),
    allState: db.prepare<[], TradingStateTable>('select key, value from trading_state order by key'),
    latestEquity: db.prepare<[number], EquitySnapshotsTable>(
      'select time, equity, cash from (select time, equity, cash from equity_snapshots order by time desc limit ?) order by time',
    ),
    eventsOf: db.prepare<[string], { seq: number; event: string; time: number; snapshot: string }>(
      'select seq, event, time, snapshot from order_events where order_id = ? order by seq',
    ),
  };
}
