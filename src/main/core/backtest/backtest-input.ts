import type { BacktestResult, ParamValues } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import type { Money } from '@shared/money/decimal';
import type { BarColumns } from '../market-data/types';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import type { StrategyDefinition } from '../strategy/strategy-api';

/** One symbol's bars for a backtest, oldest first, warm-up bars included. */
export interface BacktestSeries {
  symbol: string;
  bars: BarColumns;
}

/** Everything a backtest needs; pure data, so a worker thread can run it. */
export interface BacktestInput {
  definition: StrategyDefinition;
  /** Validated, defaults applied (see strategy/params.ts). */
  params: ParamValues;
  series: readonly BacktestSeries[];
  timeframe: Timeframe;
  /** Orders before this instant are not placed (warm-up bars only feed indicators). */
  from: number | null;
  initialCash: Money;
  slippage: SlippageModel;
  commission: CommissionModel;
  instrument(symbol: string): InstrumentSpec;
  /** Buy-and-hold of this symbol over the same bars, for comparison. */
  benchmark: string | null;
  tradingDayOf(time: number): string;
  /** Called now and then with the fraction done; returning false stops the run. */
  onProgress?(fraction: number): boolean | void;
  /** Added for the engine: the strategy's `ctx.log` lines and the engine's notes (e.g. orders ignored in the warm-up). */
  onLog?(entry: BacktestLogEntry): void;
}

/** One log line of a run; `time` is the bar close it was written at. */
export interface BacktestLogEntry {
  time: number;
  message: string;
  fields?: Record<string, string | number | boolean>;
}

/**
 * The equity curve as typed columns, one entry per point: a million-point run builds no plain
 * arrays, and a worker's postMessage clones typed arrays cheaply. BacktestResult's plain
 * arrays (JSON) are made at the edge: equityArrays (equity-columns.ts).
 */
export interface EquityColumns {
  time: Float64Array;
  equity: Float64Array;
  drawdown: Float64Array;
  /** Empty without a benchmark. */
  benchmark: Float64Array;
}

/** A backtest's outcome; the host adds the id, the request and timings (and plain equity arrays) to make a BacktestResult. */
export type BacktestOutput = Omit<BacktestResult, 'id' | 'request' | 'createdAt' | 'durationMs' | 'equity'> & { equity: EquityColumns };

/** A run's metrics and range, without its curve, trades or fills (a sweep's point). */
export type BacktestSummary = Pick<BacktestOutput, 'bars' | 'firstBarTime' | 'lastBarTime' | 'metrics'>;
