import type { EquityHistory, EquityPoint } from '@shared/dto/trading';
import type { Fill } from '../model/fill';
import { computeMetrics, dailyReturns } from '../analytics/performance';
import { roundTrips } from '../analytics/round-trips';

/** The portfolio tab's data: stored equity snapshots, daily returns and the shared metrics. */
export function equityHistoryOf(points: EquityPoint[], fills: readonly Fill[], tradingDayOf: (time: number) => string): EquityHistory {
  const times = points.map((point) => point.time);
  const equity = points.map((point) => Number(point.equity));
  const trades = roundTrips(fills).map((trip) => ({ pnl: trip.pnl.toNumber() }));
  return {
    points,
    dailyReturns: dailyReturns({ times, equity, tradingDayOf }),
    metrics: computeMetrics({ times, equity, trades, tradingDayOf }),
  };
}
