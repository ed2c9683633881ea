/** Persists settings as key → JSON value; the service owns validation and defaults. */
export interface SettingsRepository {
  loadAll(): Promise<Map<string, unknown>>;
  saveMany(entries: ReadonlyMap<string, unknown>, updatedAt: number): Promise<void>;
}
