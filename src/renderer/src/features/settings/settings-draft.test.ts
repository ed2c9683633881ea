import { describe, expect, it } from 'vitest';
import { draftFrom, draftPatch, isEmptyPatch } from './settings-draft';
import { SETTINGS } from '../../store/testing/fixtures';

describe('draftPatch', () => {
  it('is empty when nothing was edited', () => {
    const patch = draftPatch(draftFrom(SETTINGS), SETTINGS);
    expect(patch).toEqual({});
    expect(isEmptyPatch(patch)).toBe(true);
  });

  it('names only the edited keys', () => {
    const draft = { ...draftFrom(SETTINGS), clockZone: 'utc' as const, confirmOrders: false };
    const patch = draftPatch(draft, SETTINGS);
    expect(patch).toEqual({ clockZone: 'utc', confirmOrders: false });
    expect(isEmptyPatch(patch)).toBe(false);
  });
});
