import { describe, expect, it } from 'vitest';
import { applyPatch, revertPatch } from './settings-patch';
import { SETTINGS } from '../testing/fixtures';

describe('applyPatch', () => {
  it('replaces only the named keys', () => {
    const next = applyPatch(SETTINGS, { theme: 'light' });
    expect(next).toEqual({ ...SETTINGS, theme: 'light' });
  });

  it('ignores keys explicitly set to undefined', () => {
    expect(applyPatch(SETTINGS, { clockZone: undefined })).toEqual(SETTINGS);
  });

  it('replaces the layout whole', () => {
    const layout = { columns: [20, 60, 20] as [number, number, number], rows: [50, 50] as [number, number], bottomTab: 'log' as const };
    expect(applyPatch(SETTINGS, { layout }).layout).toBe(layout);
  });
});

describe('revertPatch', () => {
  it('restores the patched keys', () => {
    const optimistic = applyPatch(SETTINGS, { theme: 'light', confirmOrders: false });
    expect(revertPatch(optimistic, SETTINGS, { theme: 'light', confirmOrders: false })).toEqual(SETTINGS);
  });

  it('keeps a value that changed again after the patch', () => {
    const newer = { ...SETTINGS, theme: 'dark' as const, clockZone: 'utc' as const };
    const before = { ...SETTINGS, theme: 'light' as const };
    expect(revertPatch(newer, before, { theme: 'light' })).toEqual(newer);
  });
});
