import { z } from 'zod';
import { DecimalString, SymbolCode, Timeframe } from './market-data';
import { CommissionModel, PerformanceMetrics, SlippageModel } from './trading';

/** A strategy parameter as a strategy declares it: type, default and range. */
export const ParamSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('int'),
    default: z.number().int(),
    min: z.number().int(),
    max: z.number().int(),
    step: z.number().int().positive().default(1),
    label: z.string().max(80).optional(),
  }),
  z.strictObject({
    kind: z.literal('float'),
    default: z.number().finite(),
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().finite().positive().optional(),
    label: z.string().max(80).optional(),
  }),
  z.strictObject({ kind: z.literal('bool'), default: z.boolean(), label: z.string().max(80).optional() }),
  z.strictObject({ kind: z.literal('enum'), default: z.string(), options: z.array(z.string().max(40)).min(1).max(20), label: z.string().max(80).optional() }),
]);
export type ParamSpec = z.input<typeof ParamSpec>;

export const ParamValue = z.union([z.number().finite(), z.boolean(), z.string().max(40)]);
export type ParamValue = z.infer<typeof ParamValue>;
export const ParamValues = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/), ParamValue);
export type ParamValues = z.infer<typeof ParamValues>;

export const StrategyInfo = z.strictObject({
  id: z.string().max(80),
  name: z.string().max(120),
  description: z.string().max(2000),
  params: z.record(z.string(), ParamSpec),
  /** 'builtin', or the user's file under the data directory's strategies folder. */
  source: z.enum(['builtin', 'user']),
  /** For user strategies that fail to compile: the error with file and line. */
  error: z.string().max(4000).nullable(),
});
export type StrategyInfo = z.infer<typeof StrategyInfo>;

/**
 * Fill convention (written down, the same in every run): an order decided on a bar's close
 * is filled on the next bar by the paper broker's rules — market orders at that bar's open.
 */
export const BacktestRequest = z.strictObject({
  strategy: z.string().min(1).max(80),
  symbols: z.array(SymbolCode).min(1).max(20),
  timeframe: Timeframe,
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  params: ParamValues.default({}),
  initialCash: DecimalString.default('100000'),
  slippage: SlippageModel.default({ model: 'none' }),
  commission: CommissionModel.default({ model: 'none' }),
  /** Buy-and-hold of this symbol over the same bars; the first symbol when absent. */
  benchmark: SymbolCode.optional(),
});
export type BacktestRequest = z.output<typeof BacktestRequest>;
export type BacktestRequestInput = z.input<typeof BacktestRequest>;

export const BacktestTrade = z.strictObject({
  symbol: SymbolCode,
  side: z.enum(['long', 'short']),
  entryTime: z.number().int(),
  exitTime: z.number().int(),
  quantity: DecimalString,
  entryPrice: DecimalString,
  exitPrice: DecimalString,
  pnl: DecimalString,
  returnPct: z.number().finite(),
});
export type BacktestTrade = z.infer<typeof BacktestTrade>;

export const BacktestFill = z.strictObject({
  symbol: SymbolCode,
  side: z.enum(['buy', 'sell']),
  time: z.number().int(),
  quantity: DecimalString,
  price: DecimalString,
  commission: DecimalString,
});
export type BacktestFill = z.infer<typeof BacktestFill>;

export const BacktestMetrics = PerformanceMetrics.extend({
  /** Fraction of bars with a position open. */
  exposure: z.number().finite().nullable(),
  /** Traded value ÷ average equity, annualized. */
  turnover: z.number().finite().nullable(),
  finalEquity: DecimalString,
  benchmarkReturn: z.number().finite().nullable(),
});
export type BacktestMetrics = z.infer<typeof BacktestMetrics>;

export const BacktestResult = z.strictObject({
  id: z.string(),
  request: BacktestRequest,
  createdAt: z.number().int(),
  bars: z.number().int(),
  firstBarTime: z.number().int().nullable(),
  lastBarTime: z.number().int().nullable(),
  metrics: BacktestMetrics,
  /** Equity per bar (float; one point per bar of the first symbol), with drawdown. */
  equity: z.strictObject({ time: z.array(z.number()), equity: z.array(z.number()), drawdown: z.array(z.number()), benchmark: z.array(z.number()) }),
  trades: z.array(BacktestTrade),
  fills: z.array(BacktestFill),
  durationMs: z.number(),
});
export type BacktestResult = z.infer<typeof BacktestResult>;

export const BacktestSummary = z.strictObject({
  id: z.string(),
  strategy: z.string(),
  symbols: z.array(SymbolCode),
  timeframe: Timeframe,
  params: ParamValues,
  createdAt: z.number().int(),
  metrics: BacktestMetrics,
});
export type BacktestSummary = z.infer<typeof BacktestSummary>;

export const SweepRequest = z.strictObject({
  base: BacktestRequest,
  /** Values per parameter; the grid is their product (at most 10,000 runs). */
  grid: z.record(z.string(), z.array(ParamValue).min(1).max(200)),
  mode: z.enum(['grid', 'random']).default('grid'),
  /** For random search: how many points of the grid to try. */
  samples: z.number().int().min(1).max(10_000).optional(),
  seed: z.number().int().optional(),
  /** Rolling walk-forward: optimize on `inSampleBars`, test on the next `outOfSampleBars`. */
  walkForward: z.strictObject({ inSampleBars: z.number().int().min(10), outOfSampleBars: z.number().int().min(1), metric: z.string().max(40) }).optional(),
  workers: z.number().int().min(1).max(16).optional(),
});
export type SweepRequest = z.output<typeof SweepRequest>;

export const SweepRow = z.strictObject({ params: ParamValues, metrics: BacktestMetrics, sample: z.enum(['full', 'in', 'out']), window: z.number().int().nullable() });
export type SweepRow = z.infer<typeof SweepRow>;

export const SweepProgress = z.strictObject({
  sweepId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  etaMs: z.number().nullable(),
  state: z.enum(['running', 'finished', 'canceled', 'failed']),
  error: z.string().nullable(),
});
export type SweepProgress = z.infer<typeof SweepProgress>;

export const SweepResult = z.strictObject({ sweepId: z.string(), progress: SweepProgress, rows: z.array(SweepRow) });
export type SweepResult = z.infer<typeof SweepResult>;
