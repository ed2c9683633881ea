import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '@shared/dto/backtest';
import { resolveParams } from './params';

const specs: Record<string, ParamSpec> = {
  fast: { kind: 'int', default: 10, min: 2, max: 200 },
  slow: { kind: 'int', default: 30, min: 3, max: 400 },
  k: { kind: 'float', default: 2, min: 0.5, max: 4 },
  short: { kind: 'bool', default: false },
  mode: { kind: 'enum', default: 'close', options: ['close', 'hl2'] },
};

describe('resolveParams', () => {
  it('fills every missing parameter with its default', () => {
    expect(resolveParams(specs, {})).toEqual({ ok: true, params: { fast: 10, slow: 30, k: 2, short: false, mode: 'close' } });
  });

  it('keeps given values that fit their specs, bounds included', () => {
    expect(resolveParams(specs, { fast: 2, slow: 400, k: 0.5, short: true, mode: 'hl2' })).toEqual({
      ok: true,
      params: { fast: 2, slow: 400, k: 0.5, short: true, mode: 'hl2' },
    });
  });

  it('refuses fractions for ints, values out of range, wrong types and unknown names, all at once', () => {
    const result = resolveParams(specs, { fast: 2.5, slow: 401, k: 'x', short: 1, mode: 'open', window: 5 });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Unknown parameter "window"',
        'fast must be a whole number, got 2.5',
        'slow must be between 3 and 400, got 401',
        'k must be a number, got "x"',
        'short must be true or false, got 1',
        'mode must be one of close, hl2, got "open"',
      ],
    });
  });

  it('runs the cross-parameter check only on otherwise valid values', () => {
    const fastBelowSlow = (p: Record<string, unknown>) => (Number(p.fast) < Number(p.slow) ? [] : ['fast must be below slow']);
    expect(resolveParams(specs, { fast: 30, slow: 30 }, fastBelowSlow)).toEqual({ ok: false, errors: ['fast must be below slow'] });
    expect(resolveParams(specs, { fast: 1, slow: 1 }, fastBelowSlow)).toEqual({
      ok: false,
      errors: ['fast must be between 2 and 200, got 1', 'slow must be between 3 and 400, got 1'],
    });
  });

  it('does not take names from the object prototype as parameters', () => {
    expect(resolveParams(specs, JSON.parse('{"toString": 1}') as Record<string, number>)).toEqual({ ok: false, errors: ['Unknown parameter "toString"'] });
  });
});
