import type { KillSwitchState, PlaceOrder, Rejection, RiskLimits } from '@shared/dto/trading';
import { Decimal, money, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { InstrumentSpec } from '../model/instrument-spec';
import { remainingQuantity, sideSign, type Order } from '../model/order';
import type { Ledger } from '../portfolio/ledger';
import type { RiskContext } from '../risk/risk-context';
import { checkOrder } from '../risk/risk-engine';
import { validatePlaceOrder } from '../risk/order-validation';
import type { MarkBoard } from './mark-board';
import type { TradingBook } from './trading-book';

export interface RiskGateState {
  book: TradingBook;
  ledger: Ledger;
  marks: MarkBoard;
  limits: RiskLimits;
  killSwitch: KillSwitchState;
  /** Day P&L as the daily-loss limit counts it (from the day's start or the last reset). */
  dayPnl: Money;
  recent: readonly Order[];
  now: number;
}

const ONE = new Decimal(1);

/** The price an order is valued at: its limit, else its stop, else the last trade. */
export function referencePriceOf(order: Pick<Order, 'limitPrice' | 'stopPrice'>, last: Price | null): Price | null {
  return order.limitPrice ?? order.stopPrice ?? last;
}

/** Money the working buy orders would spend: reserved out of a cash account's buying power. */
export function reservedForBuys(state: Pick<RiskGateState, 'book' | 'marks'>, spec: (symbol: string) => InstrumentSpec | null): Money {
  let total = new Decimal(0);
  for (const order of state.book.open()) {
    if (order.side !== 'buy' || order.parentId !== null) continue;
    const tick = spec(order.symbol)?.tickSize ?? new Decimal('0.01');
    const price = referencePriceOf(order, state.marks.price(order.symbol, tick));
    if (price) total = total.plus(remainingQuantity(order).times(price));
  }
  return money(total);
}

export function riskContextFor(
  order: Order,
  state: RiskGateState,
  spec: (symbol: string) => InstrumentSpec | null,
): RiskContext {
  const instrument = spec(order.symbol);
  const last = state.marks.price(order.symbol, instrument?.tickSize ?? new Decimal('0.01'));
  let working = new Decimal(0);
  for (const open of state.book.workingEntries(order.symbol)) {
    if (open.id === order.id || open.id === order.replaces) continue;
    working = working.plus(remainingQuantity(open).times(sideSign(open.side)));
  }
  const window = state.limits.duplicateWindowMs;
  return {
    order,
    limits: state.limits,
    killSwitch: state.killSwitch,
    lastPrice: last,
    referencePrice: referencePriceOf(order, last),
    positionQuantity: (state.ledger.position(order.symbol)?.quantity ?? new Decimal(0)) as Quantity,
    workingQuantity: working as Quantity,
    openPositionSymbols: state.ledger.openPositionSymbols(),
    grossExposure: state.ledger.grossExposure(),
    buyingPower: state.ledger.buyingPower(reservedForBuys(state, spec), state.now),
    marginMultiplier: state.ledger.marginMultiplier,
    dayPnl: state.dayPnl,
    recentOrders: state.recent.filter((recent) => recent.id !== order.replaces && state.now - recent.createdAt <= window),
    now: state.now,
    lotSize: instrument?.lotSize ?? ONE,
  };
}

/** Semantic validation, then every risk rule; the first failure, or null. */
export function screenOrder(
  order: Order,
  request: PlaceOrder | null,
  state: RiskGateState,
  spec: (symbol: string) => InstrumentSpec | null,
): Rejection | null {
  if (request) {
    const invalid = validatePlaceOrder(request, spec(order.symbol));
    if (invalid) return invalid;
  }
  if (order.quantity.lessThanOrEqualTo(0)) {
    return { rule: 'no_price', message: `Cannot size a ${order.symbol} order by amount without a last price`, limit: null, actual: null };
  }
  const verdict = checkOrder(riskContextFor(order, state, spec));
  return verdict.ok ? null : { rule: verdict.rule, message: verdict.message, limit: verdict.limit, actual: verdict.actual };
}
