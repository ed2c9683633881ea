import type { ParamValues } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import { Decimal, money } from '@shared/money/decimal';
import type { BarColumns } from '../market-data/types';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import { defineStrategy, type Strategy, type StrategyDefinition } from '../strategy/strategy-api';
import type { BacktestInput } from './backtest-input';

/** Hand-made bars for tests: [time, open, high, low, close, volume?]. */
export type Row = readonly [number, number, number, number, number, number?];

export function columns(rows: readonly Row[]): BarColumns {
  const pick = (j: number, fallback = 0) => Float64Array.from(rows, (row) => row[j] ?? fallback);
  return { length: rows.length, time: pick(0), open: pick(1), high: pick(2), low: pick(3), close: pick(4), volume: pick(5, 1_000_000) };
}

export const DAY = 86_400_000;
export const D0 = Date.UTC(2024, 0, 2);
/** UTC dates stand in for the exchange's trading days in these tests. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

export const instrument = (symbol: string): InstrumentSpec => ({ symbol, tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock', alwaysOpen: false });

/** A strategy made of the given callbacks, for tests. */
export function scripted(strategy: Strategy, id = 'scripted'): StrategyDefinition {
  return defineStrategy<ParamValues>({ id, name: id, description: '', params: {}, warmup: () => 0, create: () => strategy });
}

export function inputFor(definition: StrategyDefinition, series: Record<string, readonly Row[]>, extra: Partial<BacktestInput> = {}): BacktestInput {
  const timeframe: Timeframe = '1d';
  return {
    definition,
    params: {},
    series: Object.entries(series).map(([symbol, rows]) => ({ symbol, bars: columns(rows) })),
    timeframe,
    from: null,
    initialCash: money('10000'),
    slippage: { model: 'none' },
    commission: { model: 'none' },
    instrument,
    benchmark: null,
    tradingDayOf: utcDay,
    ...extra,
  };
}

/** Daily bars from closes: open = previous close, high/low 1 around. */
export function dailyFromCloses(closes: readonly number[], start = D0): Row[] {
  return closes.map((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!;
    return [start + i * DAY, open, Math.max(open, close) + 1, Math.min(open, close) - 1, close] as const;
  });
}
