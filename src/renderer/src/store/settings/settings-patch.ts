import type { Settings, SettingsPatch } from '@shared/dto/settings';

/**
 * Pure helpers for partial settings updates. Keys are listed explicitly so that adding a
 * setting is a compile error here until it is handled.
 */

/** The settings with every key named in the patch replaced whole. */
export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    theme: patch.theme ?? settings.theme,
    clockZone: patch.clockZone ?? settings.clockZone,
    confirmOrders: patch.confirmOrders ?? settings.confirmOrders,
    layout: patch.layout ?? settings.layout,
  };
}

/**
 * Undoes an optimistic patch that the engine refused: each patched key goes back to its
 * value in `before`, unless something newer (an engine event) has replaced it meanwhile.
 */
export function revertPatch(current: Settings, before: Settings, patch: SettingsPatch): Settings {
  return {
    theme: patch.theme !== undefined && current.theme === patch.theme ? before.theme : current.theme,
    clockZone:
      patch.clockZone !== undefined && current.clockZone === patch.clockZone ? before.clockZone : current.clockZone,
    confirmOrders:
      patch.confirmOrders !== undefined && current.confirmOrders === patch.confirmOrders
        ? before.confirmOrders
        : current.confirmOrders,
    layout: patch.layout !== undefined && current.layout === patch.layout ? before.layout : current.layout,
  };
}
