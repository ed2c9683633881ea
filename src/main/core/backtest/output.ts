import type { BacktestFill, BacktestTrade } from '@shared/dto/backtest';
import { toDecimalString } from '@shared/money/decimal';
import { drawdownSeries } from '../trading/analytics/drawdown';
import { annualizedTurnover, exposure } from '../trading/analytics/exposure-turnover';
import { computeMetrics } from '../trading/analytics/performance';
import { roundTrips, type RoundTrip } from '../trading/analytics/round-trips';
import type { Fill } from '../trading/model/fill';
import type { BacktestOutput } from './backtest-input';
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
  tradingDayOf: (time: number) => string;
  benchmarkReturn: number | null;
}

/**
 * The run's result from its books and curve, through the shared analytics: metrics on the
 * per-bar equity with trading-day returns, round trips from the fills, and the exact final
 * equity (decimal cash + positions at the last close on the tick).
 */
export function buildOutput({ account, curve, tradingDayOf, benchmarkReturn }: OutputParts): BacktestOutput {
  const n = curve.count;
  const times = curve.time.subarray(0, n);
  const equity = curve.equity.subarray(0, n);
  const trips = roundTrips(account.fills);
  const dayOf = pointDays(times, tradingDayOf);
  const base = computeMetrics({ times, equity, trades: trips.map((trip) => ({ pnl: trip.pnl.toNumber() })), tradingDayOf: dayOf });
  const span = n > 1 ? times[n - 1]! - times[0]! : 0;
  return {
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
    equity: {
      time: toArray(times),
      equity: toArray(equity),
      drawdown: toArray(drawdownSeries(equity)),
      benchmark: toArray(curve.benchmark.subarray(0, n)),
    },
    trades: trips.map(tradeDto),
    fills: account.fills.map(fillDto),
  };
}

/** A plain array from a typed one: a counted loop, many times faster than Array.from on a million points. */
function toArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i += 1) out[i] = values[i]!;
  return out;
}

/**
 * The trading day of each curve point, asked of the calendar once per point; the returned
 * function answers the metrics' passes over the same times (in order) from that table.
 */
function pointDays(times: Float64Array, tradingDayOf: (time: number) => string): (time: number) => string {
  const days = new Array<string>(times.length);
  for (let i = 0; i < times.length; i += 1) days[i] = tradingDayOf(times[i]!);
  let cursor = 0;
  return (time) => {
    if (times[cursor] !== time) cursor = times.indexOf(time);
    if (cursor < 0) {
      cursor = 0;
      return tradingDayOf(time);
    }
    const day = days[cursor]!;
    cursor = cursor + 1 < times.length ? cursor + 1 : 0;
    return day;
  };
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
