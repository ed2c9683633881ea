import { describe, expect, it } from 'vitest';
import type { BacktestMetrics, ParamValues, SweepRow } from '@shared/dto/backtest';
import { METRICS_SAMPLE } from '../../store/backtest/testing/backtest-fixtures';
import { heatColor, heatmapLayout } from './heatmap';

function row(params: ParamValues, metrics: Partial<BacktestMetrics>, sample: SweepRow['sample'] = 'full', window: number | null = null): SweepRow {
  return { params, metrics: { ...METRICS_SAMPLE, ...metrics }, sample, window };
}

describe('heatmapLayout', () => {
  it('puts x values in columns and y values in rows, largest y on top', () => {
    const rows = [
      row({ fast: 10, slow: 30 }, { sharpe: 0.5 }),
      row({ fast: 5, slow: 30 }, { sharpe: 1.5 }),
      row({ fast: 5, slow: 50 }, { sharpe: -0.5 }),
      row({ fast: 10, slow: 50 }, { sharpe: null }),
    ];
    const map = heatmapLayout(rows, 'fast', 'slow', 'sharpe');
    expect(map.xs).toEqual([5, 10]);
    expect(map.ys).toEqual([50, 30]);
    expect(map.cells.map((c) => [c.x, c.y, c.column, c.row, c.value, c.score])).toEqual([
      [5, 50, 0, 0, -0.5, 0],
      [10, 50, 1, 0, null, null],
      [5, 30, 0, 1, 1.5, 1],
      [10, 30, 1, 1, 0.5, 0.5],
    ]);
    expect([map.min, map.max]).toEqual([-0.5, 1.5]);
  });

  it('scores lower-is-better metrics the other way round', () => {
    const rows = [row({ a: 1, b: 1 }, { annualizedVolatility: 0.1 }), row({ a: 2, b: 1 }, { annualizedVolatility: 0.3 })];
    expect(heatmapLayout(rows, 'a', 'b', 'annualizedVolatility').cells.map((c) => c.score)).toEqual([1, 0]);
  });

  it('averages rows that share a point (walk-forward windows)', () => {
    const rows = [row({ a: 1, b: 2 }, { totalReturn: 0.1 }, 'in', 0), row({ a: 1, b: 2 }, { totalReturn: 0.3 }, 'in', 1)];
    const map = heatmapLayout(rows, 'a', 'b', 'totalReturn');
    expect(map.cells).toHaveLength(1);
    expect(map.cells[0]?.value).toBeCloseTo(0.2, 12);
    expect(map.cells[0]?.score).toBe(0.5);
  });
});

describe('heatColor', () => {
  it('runs from red through amber to green', () => {
    expect(heatColor(0)).toBe('hsl(0, 60%, 40%)');
    expect(heatColor(0.5)).toBe('hsl(60, 60%, 40%)');
    expect(heatColor(1)).toBe('hsl(120, 60%, 40%)');
    expect(heatColor(null)).toBe('hsl(0, 0%, 40%)');
  });
});
