import { KILL_SWITCH_OFF, NO_RISK_LIMITS, PlaceOrder, type Rejection, type RiskLimits } from '@shared/dto/trading';
import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import { orderFromRequest } from '../trading/execution/order-factory';
import { referencePriceOf } from '../trading/execution/risk-gate';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import { remainingQuantity, sideSign, type Order } from '../trading/model/order';
import { submitProblem } from '../trading/paper/order-checks';
import { alwaysOpen } from '../trading/paper/sessions';
import type { RiskContext } from '../trading/risk/risk-context';
import { checkOrder } from '../trading/risk/risk-engine';
import { validatePlaceOrder } from '../trading/risk/order-validation';
import type { StrategyOrder } from '../strategy/strategy-api';
import { fastPlaceOrder } from './fast-place-order';
import type { SimAccount } from './sim-account';

/** Backtests check orders with the live rules but no size limits, no duplicate window, no kill switch. */
export const BACKTEST_LIMITS: RiskLimits = NO_RISK_LIMITS;
const ONE = new Decimal(1);
const ZERO_MONEY = new Decimal(0) as Money;

export interface IntakeState {
  account: SimAccount;
  index: number;
  spec: InstrumentSpec;
  /** The symbol's working orders (the venue's copies). */
  working: readonly Order[];
  /** Working buy entries of every symbol, for the cash reserved by them. */
  workingBuys: readonly Order[];
  now: number;
}

export type Intake = { ok: true; order: Order; request: PlaceOrder } | { ok: false; order: Order; rejection: Rejection };

/**
 * A strategy's order through the same gates as the ticket: the wire schema, semantic
 * validation (validatePlaceOrder), the paper venue's own refusals (opg/cls need sessions,
 * which backtests do not have) and every risk rule (checkOrder) on a context built from the
 * backtest's books. The lazy fields are computed only when a rule reads them.
 */
export function screenStrategyOrder(input: StrategyOrder, ids: { id: string; clientOrderId: string }, state: IntakeState): Intake {
  const fast = fastPlaceOrder(input, ids.clientOrderId);
  const parsed = fast ? { success: true as const, data: fast } : PlaceOrder.safeParse({ ...input, clientOrderId: ids.clientOrderId, source: 'strategy' });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue ? `${issue.path.join('.') || 'order'}: ${issue.message}` : 'Invalid order';
    const rejection: Rejection = { rule: 'invalid_order', message, limit: null, actual: null };
    return { ok: false, order: refusedOrder(input, ids, state.now, rejection), rejection };
  }
  const request = parsed.data;
  const { spec, account, index } = state;
  const last = account.lastPrice(index);
  const order = orderFromRequest(request, ids, state.now, spec.lotSize, last);
  const invalid = validatePlaceOrder(request, spec);
  if (invalid) return { ok: false, order: rejectedCopy(order, invalid), rejection: invalid };
  if (order.quantity.lessThanOrEqualTo(0)) {
    return reject(order, { rule: 'no_price', message: `Cannot size a ${order.symbol} order by amount without a last price`, limit: null, actual: null });
  }
  const verdict = checkOrder(riskContext(order, last, state));
  if (!verdict.ok) return reject(order, { rule: verdict.rule, message: verdict.message, limit: verdict.limit, actual: verdict.actual });
  if (order.timeInForce === 'opg' || order.timeInForce === 'cls') {
    return reject(order, { rule: 'invalid_order', message: `${order.timeInForce} orders need exchange auctions, which backtests do not model`, limit: null, actual: null });
  }
  const problem = submitProblem(order, spec, 'regular', alwaysOpen(spec));
  if (problem) return reject(order, { rule: 'invalid_order', message: problem, limit: null, actual: null });
  return { ok: true, order, request };
}

function riskContext(order: Order, last: Price | null, state: IntakeState): RiskContext {
  return new IntakeRiskContext(order, last, state);
}

/** The risk context from the backtest's books; its costly fields are computed once, on first read. */
class IntakeRiskContext implements RiskContext {
  readonly limits = BACKTEST_LIMITS;
  readonly killSwitch = KILL_SWITCH_OFF;
  readonly referencePrice: Price | null;
  readonly positionQuantity: Quantity;
  readonly marginMultiplier = ONE;
  readonly dayPnl = ZERO_MONEY;
  readonly recentOrders: readonly Order[] = [];
  readonly now: number;
  readonly lotSize: Decimal;
  private working: Quantity | undefined;
  private power: Money | undefined;

  constructor(
    readonly order: Order,
    readonly lastPrice: Price | null,
    private readonly state: IntakeState,
  ) {
    this.referencePrice = referencePriceOf(order, lastPrice);
    this.positionQuantity = state.account.quantity(state.index);
    this.now = state.now;
    this.lotSize = state.spec.lotSize;
  }

  get workingQuantity(): Quantity {
    if (this.working === undefined) {
      let net = new Decimal(0);
      for (const open of this.state.working) if (open.id !== this.order.id) net = net.plus(remainingQuantity(open).times(sideSign(open.side)));
      this.working = net as Quantity;
    }
    return this.working;
  }

  get openPositionSymbols(): ReadonlySet<string> {
    return this.state.account.openSymbols();
  }

  get grossExposure(): Money {
    return this.state.account.grossExposure();
  }

  get buyingPower(): Money {
    this.power ??= this.state.account.cash.minus(reservedForBuys(this.state)) as Money;
    return this.power;
  }
}

/** What the working buy entries would spend at their limit, stop or last close. */
function reservedForBuys(state: IntakeState): Decimal {
  let total = new Decimal(0);
  for (const order of state.workingBuys) {
    const price = referencePriceOf(order, state.account.lastPrice(state.account.symbols.indexOf(order.symbol)));
    if (price) total = total.plus(remainingQuantity(order).times(price));
  }
  return total;
}

function reject(order: Order, rejection: Rejection): Intake {
  return { ok: false, order: rejectedCopy(order, rejection), rejection };
}

function rejectedCopy(order: Order, rejection: Rejection): Order {
  return { ...order, status: 'rejected', rejection };
}

/** An order refused before it could be built still gets a rejected record, from the fields the strategy gave. */
export function refusedOrder(input: StrategyOrder, ids: { id: string; clientOrderId: string }, now: number, rejection: Rejection): Order {
  const request: PlaceOrder = {
    symbol: typeof input.symbol === 'string' ? input.symbol : '',
    side: input.side === 'sell' ? 'sell' : 'buy',
    type: 'market',
    timeInForce: 'day',
    extendedHours: false,
    orderClass: 'simple',
    source: 'strategy',
  };
  const order = orderFromRequest(request, ids, now, ONE, null);
  return rejectedCopy({ ...order, type: input.type }, rejection);
}
