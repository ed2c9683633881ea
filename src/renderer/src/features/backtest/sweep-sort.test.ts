import { describe, expect, it } from 'vitest';
import type { BacktestMetrics, ParamValues, SweepRow } from '@shared/dto/backtest';
import { METRICS_SAMPLE } from '../../store/backtest/testing/backtest-fixtures';
import { groupSweepRows, nextSort, sortSweepRows } from './sweep-sort';

function row(params: ParamValues, metrics: Partial<BacktestMetrics>, sample: SweepRow['sample'] = 'full'): SweepRow {
  return { params, metrics: { ...METRICS_SAMPLE, ...metrics }, sample, window: sample === 'full' ? null : 0 };
}

const ROWS = [
  row({ fast: 10 }, { sharpe: 0.4, finalEquity: '99000' }),
  row({ fast: 5 }, { sharpe: null, finalEquity: '120000.5' }),
  row({ fast: 20 }, { sharpe: 1.1, finalEquity: '100500' }),
];

describe('sortSweepRows', () => {
  it('orders by a metric, rows without it last either way', () => {
    const desc = sortSweepRows(ROWS, { column: { kind: 'metric', key: 'sharpe' }, direction: 'desc' });
    expect(desc.map((r) => r.params.fast)).toEqual([20, 10, 5]);
    const asc = sortSweepRows(ROWS, { column: { kind: 'metric', key: 'sharpe' }, direction: 'asc' });
    expect(asc.map((r) => r.params.fast)).toEqual([10, 20, 5]);
  });

  it('orders decimal-string metrics by value and parameters by number', () => {
    const byEquity = sortSweepRows(ROWS, { column: { kind: 'metric', key: 'finalEquity' }, direction: 'desc' });
    expect(byEquity.map((r) => r.params.fast)).toEqual([5, 20, 10]);
    const byFast = sortSweepRows(ROWS, { column: { kind: 'param', name: 'fast' }, direction: 'asc' });
    expect(byFast.map((r) => r.params.fast)).toEqual([5, 10, 20]);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one from its natural end', () => {
    const sharpe = { kind: 'metric', key: 'sharpe' } as const;
    const fast = { kind: 'param', name: 'fast' } as const;
    expect(nextSort({ column: sharpe, direction: 'desc' }, sharpe)).toEqual({ column: sharpe, direction: 'asc' });
    expect(nextSort({ column: sharpe, direction: 'desc' }, fast)).toEqual({ column: fast, direction: 'asc' });
    expect(nextSort({ column: fast, direction: 'asc' }, sharpe)).toEqual({ column: sharpe, direction: 'desc' });
  });
});

describe('groupSweepRows', () => {
  it('keeps walk-forward out-of-sample rows apart from in-sample ones', () => {
    const groups = groupSweepRows([row({ a: 1 }, {}, 'in'), row({ a: 2 }, {}, 'out'), row({ a: 3 }, {}), row({ a: 4 }, {}, 'in')]);
    expect(groups.full.map((r) => r.params.a)).toEqual([3]);
    expect(groups.inSample.map((r) => r.params.a)).toEqual([1, 4]);
    expect(groups.outOfSample.map((r) => r.params.a)).toEqual([2]);
  });
});
