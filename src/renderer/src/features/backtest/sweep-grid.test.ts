import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '@shared/dto/backtest';
import { gridSize, parseSweepValues, suggestValues, sweepableParams } from './sweep-grid';

const FAST = { kind: 'int', default: 10, min: 2, max: 100, step: 1 } as const;
const STOP = { kind: 'float', default: 0.05, min: 0, max: 0.5, step: 0.01 } as const;

describe('sweep values', () => {
  it('reads a list, sorted and each once', () => {
    expect(parseSweepValues('20, 5 10,5', FAST)).toEqual({ ok: true, values: [5, 10, 20] });
  });

  it('reads a range with its end when the steps land on it', () => {
    expect(parseSweepValues('5:20:5', FAST)).toEqual({ ok: true, values: [5, 10, 15, 20] });
    expect(parseSweepValues('5:22:5', FAST)).toEqual({ ok: true, values: [5, 10, 15, 20] });
    expect(parseSweepValues('0.1:0.3:0.1', STOP)).toEqual({ ok: true, values: [0.1, 0.2, 0.3] });
  });

  it('refuses what the strategy would refuse', () => {
    expect(parseSweepValues('', FAST)).toEqual({ ok: false, error: 'Give at least one value' });
    expect(parseSweepValues('5, x', FAST)).toEqual({ ok: false, error: '"x" is not a number' });
    expect(parseSweepValues('2.5, 5', FAST)).toEqual({ ok: false, error: 'Whole numbers only' });
    expect(parseSweepValues('1, 5', FAST)).toEqual({ ok: false, error: '1 is outside 2–100' });
    expect(parseSweepValues('5:2:1', FAST)).toEqual({ ok: false, error: 'The range must go up: from ≤ to' });
    expect(parseSweepValues('2:5:0', FAST)).toEqual({ ok: false, error: 'The step must be above zero' });
    expect(parseSweepValues('0:1000:1', { ...FAST, max: 5000 })).toEqual({ ok: false, error: 'At most 200 values' });
  });

  it('counts the runs of a grid', () => {
    expect(gridSize({ fast: [5, 10, 20], slow: [30, 50] })).toBe(6);
    expect(gridSize({ fast: [5] })).toBe(1);
    expect(gridSize({})).toBe(0);
  });

  it('offers only numeric parameters', () => {
    const specs: Record<string, ParamSpec> = { fast: FAST, short: { kind: 'bool', default: false }, stop: STOP };
    expect(sweepableParams(specs)).toEqual(['fast', 'stop']);
  });

  it('suggests values around the default', () => {
    expect(suggestValues({ ...FAST, default: 20 })).toBe('10, 15, 20, 25, 30');
    expect(suggestValues(STOP)).toBe('0.03, 0.04, 0.05, 0.06, 0.07');
  });
});
