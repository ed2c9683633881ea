import type { BacktestMetrics, ParamValues } from '@shared/dto/backtest';
import type { AssetClass, Timeframe } from '@shared/dto/market-data';
import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import type { BacktestOutput } from '../../../core/backtest/backtest-input';

/**
 * Messages between the backtest host and its worker threads. Plain, structured-clone-safe
 * data only: the worker rebuilds the strategy from its id and the instruments from strings.
 */

/** Where the worker finds the strategy: the built-ins, or `<dataDir>/strategies/<id>.ts`. */
export interface StrategyRef {
  source: 'builtin' | 'user';
  id: string;
}

/** An instrument as the worker needs it (decimals as strings). */
export interface PlainInstrument {
  symbol: string;
  tickSize: string;
  lotSize: string;
  assetClass: AssetClass;
  alwaysOpen: boolean;
}

/** One symbol's bars, oldest first; the arrays are transferred (a run) or shared (a sweep). */
export interface SeriesData {
  symbol: string;
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** What stays the same for every run a worker does. */
export interface RunSetup {
  timeframe: Timeframe;
  initialCash: string;
  slippage: SlippageModel;
  commission: CommissionModel;
  benchmark: string | null;
  instruments: PlainInstrument[];
}

export interface WorkerInit {
  type: 'init';
  strategy: StrategyRef;
  dataDir: string;
  setup: RunSetup;
  series: SeriesData[];
}

/**
 * One backtest over the worker's bars: orders from `from` on (null: from the first bar), bars
 * up to `to` (null: to the last); the strategy's warm-up bars before `from` feed indicators.
 * 'full' sends back the whole output (equity, trades, fills); 'metrics' only the metrics.
 */
export interface RunJob {
  jobId: number;
  params: ParamValues;
  from: number | null;
  to: number | null;
  detail: 'full' | 'metrics';
}

/** 'reset': drop the strategy and bars (the thread waits in the pool for its next 'init'). */
export type HostMessage = WorkerInit | { type: 'reset' } | ({ type: 'run' } & RunJob);

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-failed'; error: string; code: string | null }
  | { type: 'done'; jobId: number; metrics: BacktestMetrics; output: BacktestOutput | null }
  | { type: 'failed'; jobId: number; error: string; code: string | null };
