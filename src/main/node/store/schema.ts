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

export interface Database {
  settings: SettingsTable;
  instruments: InstrumentsTable;
  bars: BarsTable;
  trades: TradesTable;
}
