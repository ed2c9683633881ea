import { SETTING_KEYS, type Settings, type SettingsPatch } from '@shared/dto/settings';

/** Pure helpers for partial settings updates: a patch replaces the keys it names whole. */

function copyKey<K extends keyof Settings>(target: Settings, source: Settings | SettingsPatch, key: K): void {
  const value = source[key];
  if (value !== undefined) target[key] = value as Settings[K];
}

/** The settings with every key named in the patch replaced whole. */
export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next = { ...settings };
  for (const key of SETTING_KEYS) copyKey(next, patch, key);
  return next;
}

/**
 * Undoes an optimistic patch that the engine refused: each patched key goes back to its
 * value in `before`, unless something newer (an engine event) has replaced it meanwhile.
 */
export function revertPatch(current: Settings, before: Settings, patch: SettingsPatch): Settings {
  const next = { ...current };
  for (const key of SETTING_KEYS) {
    if (patch[key] !== undefined && current[key] === patch[key]) copyKey(next, before, key);
  }
  return next;
}
