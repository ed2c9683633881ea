import type { Kysely } from 'kysely';
import type { SettingsRepository } from '../../core/ports/settings-repository';
import type { Database } from './schema';

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async loadAll(): Promise<Map<string, unknown>> {
    const rows = await this.db.selectFrom('settings').select(['key', 'value']).execute();
    const out = new Map<string, unknown>();
    for (const row of rows) {
      try {
        out.set(row.key, JSON.parse(row.value));
      } catch {
        // Unreadable JSON is treated like a missing key; the row stays for inspection.
      }
    }
    return out;
  }

  async saveMany(entries: ReadonlyMap<string, unknown>, updatedAt: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, value] of entries) {
        await trx
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: updatedAt })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: updatedAt }))
          .execute();
      }
    });
  }
}
