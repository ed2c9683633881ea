import { describe, expect, it } from 'vitest';
import { Decimal } from '@shared/money/decimal';
import { mulberry32 } from '../ports/random';
import { BUILTIN_STRATEGIES } from '../strategy/builtin';
import { resolveStrategyParams } from '../strategy/params';
import type { StrategyDefinition } from '../strategy/strategy-api';
import type { BacktestInput } from './backtest-input';
import { runBacktest, runBacktestSummary } from './engine';
import { RunScratch } from './run-scratch';
import { D0, inputFor, instrument, type Row } from './test-support';

/** A seeded random walk of minute bars (prices on the cent). */
function walk(n: number, seed: number): Row[] {
  const random = mulberry32(seed);
  let price = 50;
  return Array.from({ length: n }, (_, i) => {
    const open = price;
    const close = Math.max(1, Math.round(open * (1 + 0.004 * (random() - 0.5)) * 100) / 100);
    price = close;
    return [D0 + i * 60_000, open, Math.max(open, close) + 0.01, Math.min(open, close) - 0.01, close, 500 + Math.floor(random() * 1000)] as const;
  });
}

const bars = walk(6_000, 11);
const base = (extra: Partial<BacktestInput>) => inputFor(BUILTIN_STRATEGIES.get('sma-crossover')!, { X: bars }, { timeframe: '1m', params: { fast: 5, slow: 20 }, benchmark: 'X', ...extra });

/** Configurations that take each path: the exact fast lane, the venue on exact books, decimal books. */
const cases: [string, Partial<BacktestInput>][] = [
  ['fast lane', {}],
  ['venue (per-share commission, bps slippage)', { commission: { model: 'per_share', perShare: '0.005', minimum: '1', maximumPercent: null }, slippage: { model: 'fixed_bps', bps: '3' } }],
  ['decimal books (a 0.05 tick)', { instrument: (symbol) => ({ ...instrument(symbol), tickSize: new Decimal('0.05') }) }],
  ['warm-up before `from`', { from: D0 + 1_000 * 60_000 }],
];

function defaults(definition: StrategyDefinition) {
  const resolved = resolveStrategyParams(definition);
  if (!resolved.ok) throw new Error(resolved.errors.join('; '));
  return resolved.params;
}

describe('runBacktestSummary', () => {
  const scratch = new RunScratch();

  it.each(cases)('gives runBacktest’s metrics and range: %s', (_, extra) => {
    for (const definition of BUILTIN_STRATEGIES.values()) {
      const input = base({ definition, params: defaults(definition), ...extra });
      const full = runBacktest(input);
      const summary = runBacktestSummary(input, scratch);
      expect(summary).toEqual({ bars: full.bars, firstBarTime: full.firstBarTime, lastBarTime: full.lastBarTime, metrics: full.metrics });
    }
  });

  it('reuses its buffers: a long run, then a shorter one, each as a fresh run gives', () => {
    const long = base({ series: [{ symbol: 'X', bars: inputFor(BUILTIN_STRATEGIES.get('sma-crossover')!, { X: walk(9_000, 3) }).series[0]!.bars }] });
    const short = base({});
    expect(runBacktestSummary(long, scratch).metrics).toEqual(runBacktest(long).metrics);
    expect(runBacktestSummary(short, scratch).metrics).toEqual(runBacktest(short).metrics);
    expect(runBacktest(short).metrics.tradeCount).toBeGreaterThan(20);
  });
});
