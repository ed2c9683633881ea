import type { Settings, SettingsPatch } from '@shared/dto/settings';

/** The settings the dialog edits (layout has its own controls). */
export type SettingsDraft = Pick<Settings, 'theme' | 'clockZone' | 'confirmOrders'>;

export function draftFrom(settings: Settings): SettingsDraft {
  return { theme: settings.theme, clockZone: settings.clockZone, confirmOrders: settings.confirmOrders };
}

/** Only the keys the user changed, so a save never overwrites what it did not edit. */
export function draftPatch(draft: SettingsDraft, settings: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.theme !== settings.theme) patch.theme = draft.theme;
  if (draft.clockZone !== settings.clockZone) patch.clockZone = draft.clockZone;
  if (draft.confirmOrders !== settings.confirmOrders) patch.confirmOrders = draft.confirmOrders;
  return patch;
}

export function isEmptyPatch(patch: SettingsPatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}
