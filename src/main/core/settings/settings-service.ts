import { DEFAULT_SETTINGS, SETTING_KEYS, Settings, type SettingsPatch } from '@shared/dto/settings';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SettingsRepository } from '../ports/settings-repository';
import type { EventHub } from '../events/event-hub';

/**
 * Owns the user's settings: defaults, validation and persistence. A stored value that no
 * longer fits the schema (e.g. written by a newer version) is kept in the database
 * untouched and the default is used in its place, with a warning.
 */
export class SettingsService {
  private current: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly repository: SettingsRepository,
    private readonly hub: EventHub,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async load(): Promise<Settings> {
    const stored = await this.repository.loadAll();
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of SETTING_KEYS) {
      if (!stored.has(key)) continue;
      const parsed = Settings.shape[key].safeParse(stored.get(key));
      if (parsed.success) merged[key] = parsed.data;
      else this.logger.warn('Ignoring a stored setting that does not fit the schema', { key });
    }
    this.current = Settings.parse(merged);
    return this.current;
  }

  get(): Settings {
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const changed = new Map<string, unknown>();
    for (const key of SETTING_KEYS) {
      const value = patch[key];
      if (value !== undefined) changed.set(key, value);
    }
    if (changed.size === 0) return this.current;
    const next = Settings.parse({ ...this.current, ...Object.fromEntries(changed) });
    await this.repository.saveMany(changed, this.clock.now());
    this.current = next;
    this.logger.info('Settings saved', { keys: [...changed.keys()].join(',') });
    this.hub.publish('settings.changed', next);
    return next;
  }
}
