/** The one kysely Database type: every table the engine reads or writes. */
export interface SettingsTable {
  key: string;
  /** JSON text */
  value: string;
  updated_at: number;
}

export interface Database {
  settings: SettingsTable;
}
