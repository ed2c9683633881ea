import type { Generated } from 'kysely';

/** The one kysely Database type: every table the engine reads or writes. */
export interface SettingsTable {
  key: string;
  /** JSON text */
  value: string;
  updated_at: number;
}

export interface InstrumentsTable {
  symbol: string;
  name: string;
  asset_class: string;
  exchange: string;
  currency: string;
  /** Decimal text */
  tick_size: string;
  lot_size: string;
  /** 0 or 1 */
  active: number;
}

/** Primary key (symbol, timeframe, time); WITHOUT ROWID. Prices and sizes are decimal text. */
export interface BarsTable {
  symbol: string;
  timeframe: string;
  /** Bar open, UTC epoch ms */
  time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  vwap: string | null;
  trades: number | null;
}

/** Raw ticks (optional). */
export interface TradesTable {
  symbol: string;
  /** Exact feed timestamp in ns as text (19 digits do not fit a number), when known. */
  time_ns: string | null;
  /** UTC epoch ms */
  time: number;
  price: string;
  size: string;
  exchange: number | null;
  /** Condition codes, comma-separated; '' for a regular trade. */
  conditions: string;
  trade_id: string | null;
}

/** Latest state of each order; `seq` (rowid) keeps journaling order. */
export interface OrdersTable {
  seq: Generated<number>;
  id: string;
  client_order_id: string;
  symbol: string;
  status: string;
  parent_id: string | null;
  /** UTC epoch ms */
  created_at: number;
  updated_at: number;
  /** JSON of the OrderDto */
  snapshot: string;
}

/** Append-only audit trail: one row per journaled change of an order. */
export interface OrderEventsTable {
  seq: Generated<number>;
  order_id: string;
  event: string;
  time: number;
  /** JSON of the OrderDto after the event */
  snapshot: string;
}

/** Executions in booking order (`seq`); amounts are decimal text. */
export interface FillsTable {
  seq: Generated<number>;
  id: string;
  order_id: string;
  client_order_id: string;
  symbol: string;
  side: string;
  quantity: string;
  price: string;
  commission: string;
  time: number;
}

export interface CashMovementsTable {
  id: string;
  /** Decimal text, negative for a withdrawal */
  amount: string;
  time: number;
  note: string;
}

/** 'kill_switch' and 'cursor:<name>' keys; JSON values. */
export interface TradingStateTable {
  key: string;
  value: string;
}

export interface EquitySnapshotsTable {
  time: number;
  equity: string;
  cash: string;
}

/** Saved backtest runs; JSON text columns, UTC epoch ms times. */
export interface BacktestsTable {
  id: string;
  created_at: number;
  strategy: string;
  /** JSON array of symbols */
  symbols: string;
  timeframe: string;
  from_time: number | null;
  to_time: number | null;
  /** JSON of the resolved parameter values */
  params: string;
  /** JSON of the BacktestRequest */
  request: string;
  /** JSON of the BacktestMetrics */
  metrics: string;
  bars: number;
  first_bar_time: number | null;
  last_bar_time: number | null;
  duration_ms: number;
  /** JSON arrays of BacktestTrade and BacktestFill; JSON of the equity curve */
  trades: string;
  fills: string;
  equity: string;
}

/** Differences found between the journal and a real broker; JSON of ReconciliationDifference[]. */
export interface ReconciliationsTable {
  id: Generated<number>;
  time: number;
  broker: string;
  reason: string;
  differences: string;
}

export interface Database {
  settings: SettingsTable;
  instruments: InstrumentsTable;
  bars: BarsTable;
  trades: TradesTable;
  orders: OrdersTable;
  order_events: OrderEventsTable;
  fills: FillsTable;
  cash_movements: CashMovementsTable;
  trading_state: TradingStateTable;
  equity_snapshots: EquitySnapshotsTable;
  backtests: BacktestsTable;
  reconciliations: ReconciliationsTable;
}
