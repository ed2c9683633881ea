import type { PolygonSettings, Settings, SettingsPatch } from '@shared/dto/settings';

/** The settings the dialog edits (layout has its own controls). */
export type SettingsDraft = Pick<Settings, 'theme' | 'clockZone' | 'confirmOrders' | 'polygon'>;

export function draftFrom(settings: Settings): SettingsDraft {
  return {
    theme: settings.theme,
    clockZone: settings.clockZone,
    confirmOrders: settings.confirmOrders,
    polygon: { ...settings.polygon },
  };
}

/** Only the keys the user changed, so a save never overwrites what it did not edit. */
export function draftPatch(draft: SettingsDraft, settings: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.theme !== settings.theme) patch.theme = draft.theme;
  if (draft.clockZone !== settings.clockZone) patch.clockZone = draft.clockZone;
  if (draft.confirmOrders !== settings.confirmOrders) patch.confirmOrders = draft.confirmOrders;
  if (!samePolygon(draft.polygon, settings.polygon)) patch.polygon = trimmed(draft.polygon);
  return patch;
}

export function isEmptyPatch(patch: SettingsPatch): boolean {
  return Object.values(patch).every((value) => value === undefined);
}

function samePolygon(a: PolygonSettings, b: PolygonSettings): boolean {
  return a.restUrl.trim() === b.restUrl && a.stocksWsUrl.trim() === b.stocksWsUrl && a.cryptoWsUrl.trim() === b.cryptoWsUrl;
}

function trimmed(polygon: PolygonSettings): PolygonSettings {
  return { restUrl: polygon.restUrl.trim(), stocksWsUrl: polygon.stocksWsUrl.trim(), cryptoWsUrl: polygon.cryptoWsUrl.trim() };
}
