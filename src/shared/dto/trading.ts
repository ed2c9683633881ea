import { z } from 'zod';
import { DecimalString, SymbolCode } from './market-data';

/**
 * Trading on the wire. Every price, quantity and amount is a decimal string (decimal.js on
 * both sides); statistics are floats. Times are UTC epoch ms.
 */
const PositiveDecimal = DecimalString.refine((text) => !text.startsWith('-') && /[1-9]/.test(text), 'Must be greater than zero');
const NonNegativeDecimal = DecimalString.refine((text) => !text.startsWith('-'), 'Must not be negative');

export const OrderSide = z.enum(['buy', 'sell']);
export type OrderSide = z.infer<typeof OrderSide>;

export const OrderType = z.enum(['market', 'limit', 'stop', 'stop_limit', 'trailing_stop']);
export type OrderType = z.infer<typeof OrderType>;

/** opg: at the opening auction; cls: at the closing auction. */
export const TimeInForce = z.enum(['day', 'gtc', 'ioc', 'fok', 'opg', 'cls']);
export type TimeInForce = z.infer<typeof TimeInForce>;

/** bracket: entry + take-profit + stop-loss; oto: entry + one exit; oco: two exits, no entry. */
export const OrderClass = z.enum(['simple', 'bracket', 'oco', 'oto']);
export type OrderClass = z.infer<typeof OrderClass>;

export const ORDER_STATUSES = [
  'pending_new',
  'accepted',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
  'replaced',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** What a leg of a multi-leg order is for. */
export const LegRole = z.enum(['entry', 'take_profit', 'stop_loss']);
export type LegRole = z.infer<typeof LegRole>;

export const OrderSource = z.enum(['ui', 'cli', 'strategy', 'api', 'system']);
export type OrderSource = z.infer<typeof OrderSource>;

/** Alpaca's rule, kept so ids survive a switch of broker: 1–48 printable characters. */
export const CLIENT_ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,48}$/;
export const ClientOrderId = z.string().regex(CLIENT_ORDER_ID_PATTERN, 'A client order id is 1–48 of A–Z a–z 0–9 . _ : -');

export const RiskRule = z.enum([
  'kill_switch',
  'buying_power',
  'max_order_quantity',
  'max_order_notional',
  'max_position',
  'max_open_positions',
  'max_gross_exposure',
  'price_deviation',
  'duplicate_order',
  'max_daily_loss',
  'no_price',
  'invalid_order',
  'market_closed',
  'broker',
]);
export type RiskRule = z.infer<typeof RiskRule>;

/** Why an order was refused: the rule and the numbers it compared. */
export const Rejection = z.strictObject({
  rule: RiskRule,
  message: z.string().max(500),
  limit: z.string().max(60).nullable(),
  actual: z.string().max(60).nullable(),
});
export type Rejection = z.infer<typeof Rejection>;

export const BracketLegs = z.strictObject({
  takeProfit: z.strictObject({ limitPrice: PositiveDecimal }).optional(),
  stopLoss: z.strictObject({ stopPrice: PositiveDecimal, limitPrice: PositiveDecimal.optional() }).optional(),
});

/** A new order as a client asks for it. Semantic checks (a limit needs a limit price…) run in the engine. */
export const PlaceOrder = z.strictObject({
  clientOrderId: ClientOrderId.optional(),
  symbol: SymbolCode,
  side: OrderSide,
  type: OrderType,
  timeInForce: TimeInForce.default('day'),
  /** Units; or give `notional` (market orders only) to buy or sell an amount of money. */
  quantity: PositiveDecimal.optional(),
  notional: PositiveDecimal.optional(),
  limitPrice: PositiveDecimal.optional(),
  stopPrice: PositiveDecimal.optional(),
  trailAmount: PositiveDecimal.optional(),
  /** Percent, e.g. "1.5". */
  trailPercent: PositiveDecimal.optional(),
  extendedHours: z.boolean().default(false),
  orderClass: OrderClass.default('simple'),
  ...BracketLegs.shape,
  source: OrderSource.default('ui'),
});
export type PlaceOrder = z.output<typeof PlaceOrder>;
export type PlaceOrderInput = z.input<typeof PlaceOrder>;

/** Modify a working order: named fields replace; the result is a new order that replaces the old. */
export const ReplaceOrder = z.strictObject({
  id: z.string().min(1).max(64),
  clientOrderId: ClientOrderId.optional(),
  quantity: PositiveDecimal.optional(),
  limitPrice: PositiveDecimal.optional(),
  stopPrice: PositiveDecimal.optional(),
  trailAmount: PositiveDecimal.optional(),
  trailPercent: PositiveDecimal.optional(),
  timeInForce: TimeInForce.optional(),
});
export type ReplaceOrder = z.output<typeof ReplaceOrder>;

export const OrderDto = z.strictObject({
  id: z.string(),
  clientOrderId: ClientOrderId,
  symbol: SymbolCode,
  side: OrderSide,
  type: OrderType,
  timeInForce: TimeInForce,
  orderClass: OrderClass,
  quantity: DecimalString,
  /** Set when the order was entered as an amount of money (the quantity is then derived). */
  notional: DecimalString.nullable(),
  limitPrice: DecimalString.nullable(),
  stopPrice: DecimalString.nullable(),
  trailAmount: DecimalString.nullable(),
  trailPercent: DecimalString.nullable(),
  /** The best price seen since a trailing stop was armed (high for sells, low for buys). */
  trailReference: DecimalString.nullable(),
  extendedHours: z.boolean(),
  status: OrderStatus,
  /** For stop, stop-limit and trailing orders: has the stop been touched. */
  triggered: z.boolean(),
  filledQuantity: DecimalString,
  averageFillPrice: DecimalString.nullable(),
  commission: DecimalString,
  /** Multi-leg orders: the entry's id on each child, and which leg it is. */
  parentId: z.string().nullable(),
  legRole: LegRole.nullable(),
  /** Set when this order replaced another, or was replaced by another. */
  replaces: z.string().nullable(),
  replacedBy: z.string().nullable(),
  rejection: Rejection.nullable(),
  source: OrderSource,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type OrderDto = z.infer<typeof OrderDto>;

export const FillDto = z.strictObject({
  id: z.string(),
  orderId: z.string(),
  clientOrderId: ClientOrderId,
  symbol: SymbolCode,
  side: OrderSide,
  quantity: DecimalString,
  price: DecimalString,
  commission: DecimalString,
  time: z.number().int(),
});
export type FillDto = z.infer<typeof FillDto>;

export const PositionDto = z.strictObject({
  symbol: SymbolCode,
  /** Signed: negative is short. */
  quantity: DecimalString,
  averageCost: DecimalString,
  costBasis: DecimalString,
  lastPrice: DecimalString.nullable(),
  marketValue: DecimalString.nullable(),
  unrealizedPnl: DecimalString.nullable(),
  realizedPnl: DecimalString,
  percentOfEquity: z.number().finite().nullable(),
});
export type PositionDto = z.infer<typeof PositionDto>;

export const AccountDto = z.strictObject({
  broker: z.string(),
  mode: z.enum(['paper', 'live']),
  currency: z.string().regex(/^[A-Z]{3}$/),
  cash: DecimalString,
  /** Cash whose trades have settled (T+1 for US equities); a cash account buys only with it. */
  settledCash: DecimalString,
  buyingPower: DecimalString,
  equity: DecimalString,
  longMarketValue: DecimalString,
  shortMarketValue: DecimalString,
  realizedPnl: DecimalString,
  unrealizedPnl: DecimalString,
  /** Equity now minus equity at the start of the trading day. */
  dayPnl: DecimalString,
  dayStartEquity: DecimalString,
  /** 1 = a cash account; 2 or 4 = margin. */
  marginMultiplier: DecimalString,
  time: z.number().int(),
});
export type AccountDto = z.infer<typeof AccountDto>;

export const PortfolioSnapshot = z.strictObject({ account: AccountDto, positions: z.array(PositionDto) });
export type PortfolioSnapshot = z.infer<typeof PortfolioSnapshot>;

/** null disables a limit. */
export const RiskLimits = z.strictObject({
  maxOrderQuantity: PositiveDecimal.nullable(),
  maxOrderNotional: PositiveDecimal.nullable(),
  /** Absolute position value per symbol after the order, in money. */
  maxPositionNotional: PositiveDecimal.nullable(),
  maxOpenPositions: z.number().int().min(1).max(10_000).nullable(),
  /** Sum of |position value| over all symbols after the order. */
  maxGrossExposure: PositiveDecimal.nullable(),
  /** A limit price further than this percent from the last trade is refused (fat finger). */
  maxPriceDeviationPercent: PositiveDecimal.nullable(),
  /** The same symbol, side, type, quantity and price within this window is refused. */
  duplicateWindowMs: z.number().int().min(0).max(3_600_000),
  /** A day's loss (realized + unrealized, commission included) at or past this trips the kill switch. */
  maxDailyLoss: PositiveDecimal.nullable(),
});
export type RiskLimits = z.infer<typeof RiskLimits>;

export const KillSwitchState = z.strictObject({
  tripped: z.boolean(),
  reason: z.string().max(500).nullable(),
  trippedAt: z.number().int().nullable(),
});
export type KillSwitchState = z.infer<typeof KillSwitchState>;

export const RiskStatus = z.strictObject({ limits: RiskLimits, killSwitch: KillSwitchState, dayPnl: DecimalString });
export type RiskStatus = z.infer<typeof RiskStatus>;

/** Fixed-fractional sizing: risk % of equity ÷ stop distance, rounded down to the lot size. */
export const SizingRequest = z.strictObject({
  symbol: SymbolCode,
  riskPercent: PositiveDecimal,
  entryPrice: PositiveDecimal,
  stopPrice: PositiveDecimal,
});
export const SizingResult = z.strictObject({
  quantity: DecimalString,
  riskAmount: DecimalString,
  perUnitRisk: DecimalString,
  equity: DecimalString,
});
export type SizingResult = z.infer<typeof SizingResult>;

/** The ticket's preview: what an order would cost and whether risk would pass it. */
export const OrderPreview = z.strictObject({
  estimatedPrice: DecimalString.nullable(),
  estimatedQuantity: DecimalString.nullable(),
  estimatedCost: DecimalString.nullable(),
  estimatedCommission: DecimalString.nullable(),
  buyingPowerBefore: DecimalString,
  buyingPowerAfter: DecimalString.nullable(),
  rejection: Rejection.nullable(),
});
export type OrderPreview = z.infer<typeof OrderPreview>;

export const EquityPoint = z.strictObject({ time: z.number().int(), equity: DecimalString, cash: DecimalString });
export type EquityPoint = z.infer<typeof EquityPoint>;

/** From the shared analytics module; floats (statistics), null where undefined (no data, no losses…). */
export const PerformanceMetrics = z.strictObject({
  startEquity: z.number().finite().nullable(),
  endEquity: z.number().finite().nullable(),
  totalReturn: z.number().finite().nullable(),
  cagr: z.number().finite().nullable(),
  annualizedVolatility: z.number().finite().nullable(),
  sharpe: z.number().finite().nullable(),
  sortino: z.number().finite().nullable(),
  calmar: z.number().finite().nullable(),
  maxDrawdown: z.number().finite().nullable(),
  maxDrawdownDurationMs: z.number().finite().nullable(),
  winRate: z.number().finite().nullable(),
  profitFactor: z.number().finite().nullable(),
  averageTrade: z.number().finite().nullable(),
  tradeCount: z.number().int(),
  days: z.number().int(),
});
export type PerformanceMetrics = z.infer<typeof PerformanceMetrics>;

export const EquityHistory = z.strictObject({
  points: z.array(EquityPoint),
  /** One close per trading day, for daily returns. */
  dailyReturns: z.array(z.strictObject({ day: z.string(), value: z.number().finite() })),
  metrics: PerformanceMetrics,
});
export type EquityHistory = z.infer<typeof EquityHistory>;

/** Paper broker slippage: how far from the reference price a fill lands. */
export const SlippageModel = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('none') }),
  /** A fixed cost in basis points against the trader. */
  z.strictObject({ model: z.literal('fixed_bps'), bps: NonNegativeDecimal }),
  /** Buys at the ask, sells at the bid (quotes); with trades only, half of `fallbackSpreadBps`. */
  z.strictObject({ model: z.literal('spread'), fallbackSpreadBps: NonNegativeDecimal }),
  /**
   * Takes at most `participation` (0–1] of each bar's or trade's volume; the price moves
   * against the trader by impactBps × sqrt(fill / volume).
   */
  z.strictObject({ model: z.literal('volume'), participation: PositiveDecimal, impactBps: NonNegativeDecimal }),
]);
export type SlippageModel = z.infer<typeof SlippageModel>;

export const CommissionModel = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('none') }),
  /** Per unit, with a minimum per order and a maximum as a percent of the trade's value. */
  z.strictObject({
    model: z.literal('per_share'),
    perShare: NonNegativeDecimal,
    minimum: NonNegativeDecimal,
    maximumPercent: PositiveDecimal.nullable(),
  }),
  z.strictObject({ model: z.literal('per_order'), amount: NonNegativeDecimal }),
  z.strictObject({ model: z.literal('bps'), bps: NonNegativeDecimal, minimum: NonNegativeDecimal }),
  /** Per-unit rate by the month's traded units so far: the first tier whose `upTo` is not passed. */
  z.strictObject({
    model: z.literal('tiered'),
    tiers: z
      .array(z.strictObject({ upTo: PositiveDecimal.nullable(), perShare: NonNegativeDecimal }))
      .min(1)
      .max(10),
    minimum: NonNegativeDecimal,
  }),
]);
export type CommissionModel = z.infer<typeof CommissionModel>;

export const PaperSettings = z.strictObject({
  initialCash: PositiveDecimal,
  /** 1 = a cash account (no shorting, buys with settled cash); 2 or 4 = margin. */
  marginMultiplier: z.enum(['1', '2', '4']),
  slippage: SlippageModel,
  commission: CommissionModel,
});
export type PaperSettings = z.infer<typeof PaperSettings>;

export const DEFAULT_PAPER_SETTINGS: PaperSettings = {
  initialCash: '100000',
  marginMultiplier: '1',
  slippage: { model: 'spread', fallbackSpreadBps: '2' },
  commission: { model: 'none' },
};

export const DEFAULT_RISK_LIMITS: RiskLimits = {
  maxOrderQuantity: '100000',
  maxOrderNotional: '250000',
  maxPositionNotional: '500000',
  maxOpenPositions: 50,
  maxGrossExposure: null,
  maxPriceDeviationPercent: '10',
  duplicateWindowMs: 2_000,
  maxDailyLoss: '5000',
};

/** Every limit off: backtests, benchmarks, and tests that turn on the one they exercise. */
export const NO_RISK_LIMITS: RiskLimits = {
  maxOrderQuantity: null,
  maxOrderNotional: null,
  maxPositionNotional: null,
  maxOpenPositions: null,
  maxGrossExposure: null,
  maxPriceDeviationPercent: null,
  duplicateWindowMs: 0,
  maxDailyLoss: null,
};

/** A kill switch that has not tripped. */
export const KILL_SWITCH_OFF: KillSwitchState = { tripped: false, reason: null, trippedAt: null };
