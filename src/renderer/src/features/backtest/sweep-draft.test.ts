import { describe, expect, it } from 'vitest';
import { REQUEST, SMA_CROSSOVER } from '../../store/backtest/testing/backtest-fixtures';
import { draftToSweep, sweepDraftFor, type SweepDraft } from './sweep-draft';

const draft = (patch: Partial<SweepDraft> = {}): SweepDraft => ({ ...sweepDraftFor(SMA_CROSSOVER), ...patch });

describe('sweepDraftFor', () => {
  it('starts with the first two numeric parameters around their defaults', () => {
    expect(sweepDraftFor(SMA_CROSSOVER)).toMatchObject({ xParam: 'fast', xValues: '4, 7, 10, 13, 16', yParam: 'slow', yValues: '14, 22, 30, 38, 46' });
  });
});

describe('draftToSweep', () => {
  it('builds a two-parameter grid over the run request', () => {
    const parsed = draftToSweep(draft({ xValues: '5, 10, 20', yValues: '30, 50' }), REQUEST, SMA_CROSSOVER);
    expect(parsed).toEqual({ ok: true, runs: 6, request: { base: REQUEST, grid: { fast: [5, 10, 20], slow: [30, 50] }, mode: 'grid', workers: 2 } });
  });

  it('sweeps one parameter, samples at random and walks forward when asked', () => {
    const parsed = draftToSweep(
      draft({ xValues: '5:50:5', yParam: '', mode: 'random', samples: '4', walkForward: true, inSampleBars: '250', outOfSampleBars: '50', metric: 'totalReturn' }),
      REQUEST,
      SMA_CROSSOVER,
    );
    expect(parsed.ok && parsed.runs).toBe(4);
    expect(parsed.ok && parsed.request).toMatchObject({
      grid: { fast: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50] },
      mode: 'random',
      samples: 4,
      walkForward: { inSampleBars: 250, outOfSampleBars: 50, metric: 'totalReturn' },
    });
  });

  it('reports bad values, the same parameter twice and grids that are too big', () => {
    expect(draftToSweep(draft({ xValues: '1', yParam: 'fast', workers: '0' }), REQUEST, SMA_CROSSOVER)).toEqual({
      ok: false,
      errors: { xValues: '1 is outside 2–200', yParam: 'Pick another parameter', workers: 'A whole number from 1 to 16' },
    });
    expect(draftToSweep(draft({ xValues: '2:200:1', yValues: '3:300:1' }), REQUEST, SMA_CROSSOVER)).toEqual({
      ok: false,
      errors: { yValues: 'At most 200 values' },
    });
    expect(draftToSweep(draft({ xValues: '2:200:1', yValues: '3:200:2' }), REQUEST, SMA_CROSSOVER)).toEqual({
      ok: false,
      errors: { grid: '19,701 runs; at most 10,000' },
    });
  });
});
