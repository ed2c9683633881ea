import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '@shared/dto/data-import';
import { INITIAL_IMPORT, commitProblem, importReducer, normalizedSymbol, percent, type ImportAction, type ImportState } from './import-flow';

const PREVIEW: ImportPreview = {
  fileName: 'SPY.csv',
  format: 'yahoo',
  header: ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'],
  mapping: { symbol: null, time: 0, open: 1, high: 2, low: 3, close: 4, volume: 6 },
  symbol: null,
  timeframe: '1d',
  sampleRows: [['2008-01-02', '146.5', '147', '143.9', '144.9', '117.6', '204935600']],
  errors: [],
  notes: [],
};

const RESULT: ImportResult = { importId: 'i1', symbols: ['SPY'], timeframe: '1d', rows: 2519, written: 2519, committed: true, errors: [], errorCount: 0 };

const run = (...actions: ImportAction[]): ImportState => actions.reduce(importReducer, INITIAL_IMPORT);
const previewed: ImportAction = { type: 'previewed', source: { kind: 'upload', uploadId: 'u1' }, preview: PREVIEW };

describe('import flow', () => {
  it('goes from upload through preview and commit to the result', () => {
    const state = run(
      { type: 'upload-started', fileName: 'SPY.csv', total: 100 },
      { type: 'upload-progress', sent: 50 },
      { type: 'uploaded' },
      previewed,
      { type: 'edited', symbol: 'spy' },
      { type: 'commit-started' },
      { type: 'commit-progress', progress: { importId: 'i1', rows: 10, bytes: 40, totalBytes: 100 } },
      { type: 'committed', result: RESULT },
    );
    expect(state).toMatchObject({ step: 'done', result: RESULT, draft: { symbol: 'spy', timeframe: '1d' } });
  });

  it('takes the detected symbol and timeframe as the draft', () => {
    const state = run({ ...previewed, preview: { ...PREVIEW, symbol: 'AAPL', timeframe: '1m' } });
    expect(state).toMatchObject({ step: 'preview', draft: { symbol: 'AAPL', timeframe: '1m' } });
  });

  it('returns to the preview with the message when the commit fails', () => {
    const state = run(previewed, { type: 'edited', symbol: 'SPY' }, { type: 'commit-started' }, { type: 'failed', message: 'disk full' });
    expect(state).toMatchObject({ step: 'preview', error: 'disk full', draft: { symbol: 'SPY' } });
  });

  it('returns to choosing a file when the upload fails', () => {
    expect(run({ type: 'upload-started', fileName: 'a.csv', total: 1 }, { type: 'failed', message: 'too big' })).toEqual({ step: 'choose', error: 'too big' });
  });

  it('needs a valid symbol before committing', () => {
    const state = run(previewed);
    if (state.step !== 'preview') throw new Error('expected the preview step');
    expect(commitProblem(state.draft)).toBe('Enter the symbol these bars belong to.');
    expect(commitProblem({ ...state.draft, symbol: 'no spaces' })).toBe('That is not a valid symbol.');
    expect(commitProblem({ ...state.draft, symbol: 'spy' })).toBeNull();
    expect(normalizedSymbol(' spy ')).toBe('SPY');
  });

  it('computes progress percentages', () => {
    expect(percent(50, 200)).toBe(25);
    expect(percent(5, 0)).toBe(0);
    expect(percent(300, 200)).toBe(100);
  });
});
