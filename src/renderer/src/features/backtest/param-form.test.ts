import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '@shared/dto/backtest';
import { defaultParamDraft, draftToParams, paramDraftFrom, parseNumberParam } from './param-form';

const SPECS: Record<string, ParamSpec> = {
  fast: { kind: 'int', default: 10, min: 2, max: 200, step: 1, label: 'Fast period' },
  stop: { kind: 'float', default: 0.05, min: 0, max: 0.5 },
  short: { kind: 'bool', default: false },
  ma: { kind: 'enum', default: 'sma', options: ['sma', 'ema'] },
};

describe('param form', () => {
  it('starts from each default: numbers as text, flags as booleans', () => {
    expect(defaultParamDraft(SPECS)).toEqual({ fast: '10', stop: '0.05', short: false, ma: 'sma' });
  });

  it('turns a valid draft into typed values', () => {
    expect(draftToParams(SPECS, { fast: ' 25 ', stop: '.1', short: true, ma: 'ema' })).toEqual({
      ok: true,
      params: { fast: 25, stop: 0.1, short: true, ma: 'ema' },
    });
  });

  it('reports every invalid value with its reason', () => {
    expect(draftToParams(SPECS, { fast: '2.5', stop: '0.9', short: false, ma: 'wma' })).toEqual({
      ok: false,
      errors: { fast: 'Enter a whole number', stop: 'Between 0 and 0.5', ma: 'One of sma, ema' },
    });
  });

  it('refuses text that is not a number', () => {
    const spec = { kind: 'int', default: 1, min: 0, max: 10 } as const;
    expect(parseNumberParam('', spec)).toBe('Enter a number');
    expect(parseNumberParam('5x', spec)).toBe('Enter a number');
    expect(parseNumberParam('-1', spec)).toBe('Between 0 and 10');
    expect(parseNumberParam('7', spec)).toBe(7);
  });

  it('fills a reopened run with its saved values and defaults for the rest', () => {
    expect(paramDraftFrom(SPECS, { fast: 30, short: true, gone: 4 })).toEqual({ fast: '30', stop: '0.05', short: true, ma: 'sma' });
  });
});
