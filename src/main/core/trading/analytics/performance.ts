import type { PerformanceMetrics } from '@shared/dto/trading';
import { maxDrawdown } from './drawdown';

/**
 * Performance statistics shared by the portfolio tab and the backtester, so both report the
 * same numbers for the same curve. Floats throughout: these are statistics, never order values.
 * Points must be in time order.
 */

const DAY_MS = 86_400_000;
/** A spread of returns below this is rounding noise in a flat or steady curve, not risk. */
const NO_SPREAD = 1e-14;
const YEAR_MS = 365.25 * DAY_MS;

export interface EquityCurve {
  times: ArrayLike<number>;
  equity: ArrayLike<number>;
  /** The exchange trading day ('YYYY-MM-DD') of an instant. */
  tradingDayOf: (timeMs: number) => string;
}

/**
 * The trading days of a curve given as where each ends: the index after its last point, in
 * order (what grouping the points by tradingDayOf gives). The caller knows the days already,
 * so nothing is asked per point.
 */
export interface DayEndsCurve {
  times: ArrayLike<number>;
  equity: ArrayLike<number>;
  dayEnds: ArrayLike<number>;
  /** drawdownSeries(equity), when the caller has it already. */
  drawdown?: ArrayLike<number>;
}

export type MetricsInput = (EquityCurve | DayEndsCurve) & {
  /** Closed trades (round trips), net P&L each. */
  trades: readonly { pnl: number }[];
  periodsPerYear?: number;
  /** Annual, as a fraction (0.04 = 4 %). */
  riskFreeRate?: number;
};

export interface DailyReturn {
  day: string;
  value: number;
}

interface DailyClose {
  day: string;
  close: number;
}

/** The last equity point of each trading day. */
function dailyCloses({ times, equity, tradingDayOf }: EquityCurve): DailyClose[] {
  const closes: DailyClose[] = [];
  for (let i = 0; i < equity.length; i += 1) {
    const day = tradingDayOf(times[i] ?? Number.NaN);
    const close = equity[i] ?? Number.NaN;
    const last = closes.at(-1);
    if (last && last.day === day) last.close = close;
    else closes.push({ day, close });
  }
  return closes;
}

/**
 * One return per trading day: previous day's close → this day's close; the first day runs
 * from the curve's first point. A day whose base is not positive has no return.
 */
export function dailyReturns(curve: EquityCurve): DailyReturn[] {
  return returnsOf(dailyCloses(curve), curve.equity[0] ?? Number.NaN);
}

function returnsOf(closes: readonly DailyClose[], first: number): DailyReturn[] {
  const returns: DailyReturn[] = [];
  let base = first;
  for (const { day, close } of closes) {
    const value = close / base - 1;
    if (base > 0 && Number.isFinite(value)) returns.push({ day, value });
    base = close;
  }
  return returns;
}

/** The equity at each day's last point. */
function closesAt(equity: ArrayLike<number>, dayEnds: ArrayLike<number>): Float64Array {
  const closes = new Float64Array(dayEnds.length);
  for (let d = 0; d < dayEnds.length; d += 1) closes[d] = equity[(dayEnds[d] ?? 0) - 1] ?? Number.NaN;
  return closes;
}

/** returnsOf's values, without the days. */
function returnValues(closes: ArrayLike<number>, first: number): Float64Array {
  const values = new Float64Array(closes.length);
  let count = 0;
  let base = first;
  for (let d = 0; d < closes.length; d += 1) {
    const close = closes[d]!;
    const value = close / base - 1;
    if (base > 0 && Number.isFinite(value)) values[count++] = value;
    base = close;
  }
  return values.subarray(0, count);
}

export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const periods = input.periodsPerYear ?? 252;
  const n = input.equity.length;
  const start = n > 0 ? (input.equity[0] ?? null) : null;
  const end = n > 0 ? (input.equity[n - 1] ?? null) : null;
  const closes = 'dayEnds' in input ? closesAt(input.equity, input.dayEnds) : dailyCloses(input).map((entry) => entry.close); // once: the curve can hold a million points
  const days = closes.length;
  const daily = returnValues(closes, input.equity[0] ?? Number.NaN);
  const excess = daily.map((value) => value - (input.riskFreeRate ?? 0) / periods);
  const drawdown = 'dayEnds' in input && input.drawdown ? maxDrawdown(input.equity, input.times, input.drawdown) : maxDrawdown(input.equity, input.times);
  const cagr = compoundAnnualGrowth(input, start, end);
  const stdev = sampleStdev(daily);
  const downside = downsideDeviation(excess);
  const annualize = Math.sqrt(periods);
  const ratio = (spread: number | null) => (spread === null || spread < NO_SPREAD ? null : finite((mean(excess) / spread) * annualize));
  return {
    startEquity: start,
    endEquity: end,
    totalReturn: start !== null && end !== null && start > 0 ? finite(end / start - 1) : null,
    cagr,
    annualizedVolatility: stdev === null ? null : finite(stdev * annualize),
    sharpe: ratio(stdev),
    sortino: daily.length < 2 ? null : ratio(downside),
    calmar: cagr === null || !drawdown || drawdown.maxDrawdown === 0 ? null : finite(cagr / Math.abs(drawdown.maxDrawdown)),
    maxDrawdown: drawdown ? drawdown.maxDrawdown : null,
    maxDrawdownDurationMs: drawdown ? drawdown.durationMs : null,
    ...tradeStatistics(input.trades),
    days,
  };
}

type TradeStatistics = Pick<PerformanceMetrics, 'winRate' | 'profitFactor' | 'averageTrade' | 'tradeCount'>;

function tradeStatistics(trades: readonly { pnl: number }[]): TradeStatistics {
  if (trades.length === 0) return { winRate: null, profitFactor: null, averageTrade: null, tradeCount: 0 };
  let wins = 0;
  let profit = 0;
  let loss = 0;
  for (const { pnl } of trades) {
    if (pnl > 0) {
      wins += 1;
      profit += pnl;
    } else if (pnl < 0) loss -= pnl;
  }
  return {
    winRate: wins / trades.length,
    profitFactor: loss === 0 ? null : finite(profit / loss),
    averageTrade: finite((profit - loss) / trades.length),
    tradeCount: trades.length,
  };
}

/** (end / start)^(1 / years) − 1 over calendar time; null under a day or without a positive start. */
function compoundAnnualGrowth(curve: { times: ArrayLike<number> }, start: number | null, end: number | null): number | null {
  const n = curve.times.length;
  if (start === null || end === null || n < 2 || start <= 0 || end < 0) return null;
  const span = (curve.times[n - 1] ?? 0) - (curve.times[0] ?? 0);
  if (!(span >= DAY_MS)) return null;
  return finite(Math.pow(end / start, YEAR_MS / span) - 1);
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i] ?? 0;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Sample standard deviation (n − 1); null under two values. */
export function sampleStdev(values: ArrayLike<number>): number | null {
  if (values.length < 2) return null;
  const average = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i += 1) squares += ((values[i] ?? 0) - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** sqrt(mean(min(0, r)²)) over every period, the losing ones and the rest. */
export function downsideDeviation(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let squares = 0;
  for (let i = 0; i < values.length; i += 1) squares += Math.min(0, values[i] ?? 0) ** 2;
  return Math.sqrt(squares / values.length);
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
