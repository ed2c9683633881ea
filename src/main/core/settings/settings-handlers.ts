import type { DomainHandlers } from '../api/handlers';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService): DomainHandlers<'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  };
}
