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

describe('draftPatch for the Polygon endpoints', () => {
  it('sends the three endpoints together, trimmed, when one changed', () => {
    const draft = draftFrom(SETTINGS);
    draft.polygon.restUrl = ' http://127.0.0.1:9999 ';
    expect(draftPatch(draft, SETTINGS)).toEqual({ polygon: { ...SETTINGS.polygon, restUrl: 'http://127.0.0.1:9999' } });
  });

  it('ignores white space around an unchanged endpoint', () => {
    const draft = draftFrom(SETTINGS);
    draft.polygon.stocksWsUrl = `${SETTINGS.polygon.stocksWsUrl}  `;
    expect(draftPatch(draft, SETTINGS)).toEqual({});
  });
});
