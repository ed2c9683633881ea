import type { BacktestFill, BacktestTrade } from '@shared/dto/backtest';
import { toDecimalString } from '@shared/money/decimal';
import { drawdownSeries } from '../trading/analytics/drawdown';
import { annualizedTurnover, exposure } from '../trading/analytics/exposure-turnover';
import { computeMetrics } from '../trading/analytics/performance';
import { roundTrips, type RoundTrip } from '../trading/analytics/round-trips';
import type { Fill } from '../trading/model/fill';
import type { BacktestOutput, BacktestSummary } from './backtest-input';
import type { DayCache } from './day-cache';
import { fastFills, fastTrades } from './output-fast';
import { SLOT, type RunScratch } from './run-scratch';
import type { SimAccount } from './sim-account';

/** The equity curve as the engine fills it: `count` points used of the preallocated arrays. */
export interface Curve {
  count: number;
  time: Float64Array;
  equity: Float64Array;
  /** 1 where a position was open at the point. */
  held: Uint8Array;
  /** Empty without a benchmark. */
  benchmark: Float64Array;
}

export interface OutputParts {
  account: SimAccount;
  curve: Curve;
  tradingDayOf: DayCache;
  benchmarkReturn: number | null;
}

/**
 * The run's result from its books and curve, through the shared analytics: metrics on the
 * per-bar equity with trading-day returns, round trips from the fills, and the exact final
 * equity (decimal cash + positions at the last close on the tick).
 */
export function buildOutput(parts: OutputParts): BacktestOutput {
  const { trades, pnl, fills } = tradesAndFills(parts.account);
  const { summary, times, equity, drawdown } = measure(parts, pnl, null);
  const n = parts.curve.count;
  return { ...summary, equity: { time: times, equity, drawdown, benchmark: fit(parts.curve.benchmark, Math.min(n, parts.curve.benchmark.length)) }, trades, fills };
}

/** buildOutput's metrics and range alone: the trades' P&L without their DTOs, the drawdown in `scratch`. */
export function buildSummary(parts: OutputParts, scratch: RunScratch | null): BacktestSummary {
  return measure(parts, tradePnl(parts.account), scratch).summary;
}

function measure({ account, curve, tradingDayOf, benchmarkReturn }: OutputParts, pnl: readonly number[], scratch: RunScratch | null) {
  const n = curve.count;
  const times = fit(curve.time, n);
  const equity = fit(curve.equity, n);
  const drawdown = drawdownSeries(equity, scratch ? scratch.float(SLOT.drawdown, n) : new Float64Array(n));
  const dayEnds = tradingDayOf.dayEnds(times);
  const base = computeMetrics({ times, equity, dayEnds, drawdown, trades: pnl.map((value) => ({ pnl: value })) });
  const span = n > 1 ? times[n - 1]! - times[0]! : 0;
  const summary: BacktestSummary = {
    bars: n,
    firstBarTime: n > 0 ? times[0]! : null,
    lastBarTime: n > 0 ? times[n - 1]! : null,
    metrics: {
      ...base,
      exposure: exposure(curve.held, n),
      turnover: annualizedTurnover(account.tradedValue, equity, span),
      finalEquity: toDecimalString(account.equity()),
      benchmarkReturn,
    },
  };
  return { summary, times, equity, drawdown };
}

/** The first n values: the array itself when it holds exactly those (a copy otherwise, so a clone carries no unused tail). */
function fit(values: Float64Array, n: number): Float64Array {
  return values.length === n ? values : values.slice(0, n);
}

/** From the exact books' integers when they cover the run, else from decimal fills through roundTrips. */
function tradesAndFills(account: SimAccount): { trades: BacktestTrade[]; pnl: number[]; fills: BacktestFill[] } {
  const fast = account.exact ? fastTrades(account.log, account.tickPlaces, account.cashPlaces, true) : null;
  if (fast) return { trades: fast.trades, pnl: fast.pnl, fills: fastFills(account.log, account.tickPlaces, account.cashPlaces) };
  const fills = account.fills;
  const trips = roundTrips(fills);
  return { trades: trips.map(tradeDto), pnl: trips.map((trip) => trip.pnl.toNumber()), fills: fills.map(fillDto) };
}

/** tradesAndFills' pnl alone, by the same path. */
function tradePnl(account: SimAccount): number[] {
  const fast = account.exact ? fastTrades(account.log, account.tickPlaces, account.cashPlaces, false) : null;
  return fast ? fast.pnl : roundTrips(account.fills).map((trip) => trip.pnl.toNumber());
}

function tradeDto(trip: RoundTrip): BacktestTrade {
  return {
    symbol: trip.symbol,
    side: trip.side,
    entryTime: trip.entryTime,
    exitTime: trip.exitTime,
    quantity: toDecimalString(trip.quantity),
    entryPrice: toDecimalString(trip.entryPrice),
    exitPrice: toDecimalString(trip.exitPrice),
    pnl: toDecimalString(trip.pnl),
    returnPct: trip.returnPct,
  };
}

function fillDto(fill: Fill): BacktestFill {
  return {
    symbol: fill.symbol,
    side: fill.side,
    time: fill.time,
    quantity: toDecimalString(fill.quantity),
    price: toDecimalString(fill.price),
    commission: toDecimalString(fill.commission),
  };
}
