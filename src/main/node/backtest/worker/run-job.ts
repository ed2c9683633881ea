import { Decimal, money } from '@shared/money/decimal';
import type { BacktestInput, BacktestSeries, BacktestSummary } from '../../../core/backtest/backtest-input';
import { runBacktest, runBacktestSummary } from '../../../core/backtest/engine';
import type { RunScratch } from '../../../core/backtest/run-scratch';
import { tradingDayOf } from '../../../core/market-data/calendar';
import type { StrategyDefinition } from '../../../core/strategy/strategy-api';
import type { InstrumentSpec } from '../../../core/trading/model/instrument-spec';
import type { BacktestOutput } from '../../../core/backtest/backtest-input';
import type { PlainInstrument, RunJob, RunSetup, SeriesData } from './worker-protocol';

/** Runs one job over the worker's bars (also callable in-process: it is plain code). */
export function runJob(definition: StrategyDefinition, setup: RunSetup, series: readonly SeriesData[], job: RunJob): BacktestOutput {
  return runBacktest(jobInput(definition, setup, series, job));
}

/** runJob's metrics alone (a sweep's point), the curve in `scratch`: the same metrics, less work. */
export function runJobSummary(definition: StrategyDefinition, setup: RunSetup, series: readonly SeriesData[], job: RunJob, scratch: RunScratch): BacktestSummary {
  return runBacktestSummary(jobInput(definition, setup, series, job), scratch);
}

function jobInput(definition: StrategyDefinition, setup: RunSetup, series: readonly SeriesData[], job: RunJob): BacktestInput {
  const wanted = definition.warmup(job.params);
  const warmup = Number.isFinite(wanted) ? Math.max(0, Math.floor(wanted)) : 0;
  const specs = new Map(setup.instruments.map((plain) => [plain.symbol, toSpec(plain)]));
  return {
    definition,
    params: job.params,
    series: series.map((data) => sliceSeries(data, job.from, job.to, warmup)),
    timeframe: setup.timeframe,
    from: job.from,
    initialCash: money(setup.initialCash),
    slippage: setup.slippage,
    commission: setup.commission,
    instrument: (symbol) => specs.get(symbol) ?? toSpec(defaultInstrument(symbol)),
    benchmark: setup.benchmark,
    tradingDayOf,
  };
}

/** Bars up to `to`, starting `warmup` bars before `from` (views, not copies). */
export function sliceSeries(data: SeriesData, from: number | null, to: number | null, warmup: number): BacktestSeries {
  const first = from === null ? 0 : Math.max(0, lowerBound(data.time, from) - warmup);
  const end = to === null ? data.time.length : lowerBound(data.time, to + 1);
  const view = (column: Float64Array) => column.subarray(first, Math.max(first, end));
  return {
    symbol: data.symbol,
    bars: {
      length: Math.max(0, end - first),
      time: view(data.time),
      open: view(data.open),
      high: view(data.high),
      low: view(data.low),
      close: view(data.close),
      volume: view(data.volume),
    },
  };
}

/** The first index whose time is at or after `time`. */
export function lowerBound(times: Float64Array, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] ?? Number.POSITIVE_INFINITY) < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An instrument the store does not know (say, a CSV of an unlisted symbol): a cent tick, whole shares. */
export function defaultInstrument(symbol: string): PlainInstrument {
  return { symbol, tickSize: '0.01', lotSize: '1', assetClass: 'stock', alwaysOpen: false };
}

function toSpec(plain: PlainInstrument): InstrumentSpec {
  return {
    symbol: plain.symbol,
    tickSize: new Decimal(plain.tickSize),
    lotSize: new Decimal(plain.lotSize),
    assetClass: plain.assetClass,
    alwaysOpen: plain.alwaysOpen,
  };
}
