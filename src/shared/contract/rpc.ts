import { z } from 'zod';
import { Settings, SettingsPatch } from '../dto/settings';
import { EngineInfo, FeedStatus, Pong } from '../dto/system';
import { LogEntry } from '../dto/log';
import { BarSeries, Instrument, SymbolCode, Ticker, Timeframe } from '../dto/market-data';
import { IndicatorSeries, IndicatorSpec } from '../dto/indicators';
import { NewsResult } from '../dto/news';
import {
  ImportPreview,
  ImportRequest,
  ImportResult,
  ImportSource,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_CHUNK_BASE64,
} from '../dto/data-import';
import {
  AccountDto,
  EquityHistory,
  FillDto,
  OrderDto,
  OrderPreview,
  PlaceOrder,
  PortfolioSnapshot,
  PositionDto,
  ReplaceOrder,
  RiskLimits,
  RiskStatus,
  SizingRequest,
  SizingResult,
} from '../dto/trading';
import { ReplaySpeed, ReplayStart, ReplayStatus } from '../dto/replay';
import { AlpacaConnect, AlpacaUnlock, BrokerStatus, ReconciliationReport } from '../dto/broker';
import { BacktestRequest, BacktestResult, BacktestSummary, StrategyInfo, SweepProgress, SweepRequest, SweepResult } from '../dto/backtest';

/**
 * Every request/response method, `domain.verb`, with its run-time schemas. The router is
 * checked against this table (a missing handler is a compile error) and validates every
 * request before the handler runs; clients validate every response.
 */
const NoParams = z.strictObject({});

export const methods = {
  'system.info': { params: NoParams, result: EngineInfo },
  'system.ping': { params: z.strictObject({ echo: z.string().max(1024).optional() }), result: Pong },
  'settings.get': { params: NoParams, result: Settings },
  'settings.update': { params: SettingsPatch, result: Settings },
  'log.recent': {
    params: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    result: z.array(LogEntry),
  },
  'feed.status': { params: NoParams, result: FeedStatus },

  // --- market data ---
  'md.instruments.search': {
    params: z.strictObject({ query: z.string().max(32), limit: z.number().int().min(1).max(50).optional() }),
    result: z.array(Instrument),
  },
  /** The latest `limit` bars before `before` (exclusive), oldest first; for first paint and scroll-back. */
  'md.bars': {
    params: z.strictObject({
      symbol: SymbolCode,
      timeframe: Timeframe,
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(500_000).optional(),
    }),
    result: BarSeries,
  },
  /** Indicator values over the same bars `md.bars` returns for the same arguments. */
  'md.indicators': {
    params: z.strictObject({
      symbol: SymbolCode,
      timeframe: Timeframe,
      before: z.number().int().optional(),
      limit: z.number().int().min(1).max(500_000).optional(),
      indicators: z.array(IndicatorSpec).min(1).max(8),
    }),
    result: z.strictObject({ time: z.array(z.number().int()), series: z.array(IndicatorSeries) }),
  },
  'md.tickers': { params: z.strictObject({ symbols: z.array(SymbolCode).max(200) }), result: z.array(Ticker) },
  /** Local instruments first; with a Polygon key also Polygon's ticker search, stored locally so they stay findable offline. */
  'md.reference.search': {
    params: z.strictObject({ query: z.string().max(32), limit: z.number().int().min(1).max(50).optional() }),
    result: z.array(Instrument),
  },
  /** Newest headlines (all, or those naming `symbol`); `available: false` without a Polygon key. */
  'md.news': {
    params: z.strictObject({ symbol: SymbolCode.optional(), limit: z.number().int().min(1).max(50).optional() }),
    result: NewsResult,
  },

  // --- replay: stored bars of one symbol played as if live; its chart is clipped to the replay clock ---
  /** An unknown symbol or no stored bars there is NOT_FOUND; a running replay is replaced. */
  'md.replay.start': { params: ReplayStart, result: ReplayStatus },
  'md.replay.pause': { params: NoParams, result: ReplayStatus },
  'md.replay.resume': { params: NoParams, result: ReplayStatus },
  /** Ends the replay: the symbol's full history and live stream come back. */
  'md.replay.stop': { params: NoParams, result: ReplayStatus },
  'md.replay.speed': { params: z.strictObject({ speed: ReplaySpeed }), result: ReplayStatus },
  /** Jumps to the first stored bar opening at or after `time`; keeps paused if paused. */
  'md.replay.seek': { params: z.strictObject({ time: z.number().int() }), result: ReplayStatus },
  'md.replay.status': { params: NoParams, result: ReplayStatus },

  // --- CSV import (the same importer as `kestrel import`) ---
  'md.import.begin': {
    params: z.strictObject({ fileName: z.string().min(1).max(255), size: z.number().int().min(1).max(MAX_UPLOAD_BYTES) }),
    result: z.strictObject({ uploadId: z.string() }),
  },
  'md.import.chunk': {
    params: z.strictObject({
      uploadId: z.string().min(1).max(64),
      offset: z.number().int().nonnegative(),
      base64: z.string().max(MAX_UPLOAD_CHUNK_BASE64),
    }),
    result: z.strictObject({ received: z.number().int() }),
  },
  'md.import.preview': { params: z.strictObject({ source: ImportSource }), result: ImportPreview },
  'md.import.commit': { params: ImportRequest, result: ImportResult },

  // --- trading: every order passes the risk checks and the journal before the broker ---
  /** A refused order comes back with status `rejected` and the rule and numbers in `rejection`. */
  'orders.place': { params: PlaceOrder, result: OrderDto },
  /** What `orders.place` would do now: price, cost, commission, buying power and risk verdict. */
  'orders.preview': { params: PlaceOrder, result: OrderPreview },
  'orders.cancel': { params: z.strictObject({ id: z.string().min(1).max(64) }), result: OrderDto },
  /** Modify in place: the working order is replaced by a new one (a new id), as brokers do. */
  'orders.replace': { params: ReplaceOrder, result: OrderDto },
  'orders.cancelAll': {
    params: z.strictObject({ symbol: SymbolCode.optional() }),
    result: z.strictObject({ canceled: z.number().int() }),
  },
  'orders.list': {
    params: z.strictObject({
      status: z.enum(['open', 'closed', 'all']).default('all'),
      symbol: SymbolCode.optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
    result: z.array(OrderDto),
  },
  'orders.fills': {
    params: z.strictObject({ symbol: SymbolCode.optional(), limit: z.number().int().min(1).max(5000).default(500) }),
    result: z.array(FillDto),
  },
  'positions.list': { params: NoParams, result: z.array(PositionDto) },
  /** Flattens one symbol with a market order; null when there is nothing to close. */
  'positions.close': { params: z.strictObject({ symbol: SymbolCode }), result: OrderDto.nullable() },
  'account.get': { params: NoParams, result: AccountDto },
  'portfolio.snapshot': { params: NoParams, result: PortfolioSnapshot },
  'portfolio.history': {
    params: z.strictObject({ limit: z.number().int().min(1).max(100_000).default(20_000) }),
    result: EquityHistory,
  },
  'risk.status': { params: NoParams, result: RiskStatus },
  'risk.limits.update': { params: RiskLimits.partial(), result: RiskStatus },
  /** Trips the kill switch by hand: cancels every working order and blocks new ones. */
  'risk.killSwitch.trip': { params: z.strictObject({ reason: z.string().max(200).optional() }), result: RiskStatus },
  'risk.killSwitch.reset': { params: NoParams, result: RiskStatus },
  'risk.sizing': { params: SizingRequest, result: SizingResult },

  // --- broker connection (keys go in, never come back out) ---
  'broker.status': { params: NoParams, result: BrokerStatus },
  /** Validates the keys by fetching the account, stores them encrypted and trades through Alpaca. */
  'broker.alpaca.connect': { params: AlpacaConnect, result: BrokerStatus },
  /** Serve mode: unlocks stored keys with their passphrase and connects. */
  'broker.alpaca.unlock': { params: AlpacaUnlock, result: BrokerStatus },
  /** Back to the paper broker; stored keys stay (forget removes them). */
  'broker.usePaper': { params: NoParams, result: BrokerStatus },
  'broker.alpaca.forget': { params: NoParams, result: BrokerStatus },
  /** Compares the journal with the broker now and journals the differences. */
  'broker.reconcile': { params: NoParams, result: ReconciliationReport },
  'broker.reconciliations': {
    params: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    result: z.array(ReconciliationReport),
  },

  // --- backtests (run in worker threads; results saved in SQLite) ---
  'backtest.strategies': { params: NoParams, result: z.array(StrategyInfo) },
  /** Runs to the end and returns the result (saved; `backtest.list` shows it). */
  'backtest.run': { params: BacktestRequest, result: BacktestResult },
  'backtest.list': { params: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }), result: z.array(BacktestSummary) },
  'backtest.get': { params: z.strictObject({ id: z.string().min(1).max(64) }), result: BacktestResult },
  'backtest.delete': { params: z.strictObject({ id: z.string().min(1).max(64) }), result: z.strictObject({ deleted: z.boolean() }) },
  'backtest.export': {
    params: z.strictObject({ id: z.string().min(1).max(64), format: z.enum(['csv', 'json']), part: z.enum(['trades', 'equity', 'all']).default('all') }),
    result: z.strictObject({ fileName: z.string(), mime: z.string(), content: z.string() }),
  },
  /** Starts a sweep or walk-forward across worker threads; progress arrives as `backtest.sweep.progress`. */
  'backtest.sweep.start': { params: SweepRequest, result: z.strictObject({ sweepId: z.string() }) },
  'backtest.sweep.cancel': { params: z.strictObject({ sweepId: z.string().min(1).max(64) }), result: SweepProgress },
  'backtest.sweep.get': { params: z.strictObject({ sweepId: z.string().min(1).max(64) }), result: SweepResult },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller may send (defaults not yet applied). */
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
/** What a handler receives (validated, defaults applied). */
export type Params<M extends MethodName> = z.output<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
