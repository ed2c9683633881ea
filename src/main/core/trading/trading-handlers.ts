import type { OrderPreview, PortfolioSnapshot, RiskLimits, RiskStatus } from '@shared/dto/trading';
import { Decimal, money, toDecimalString, type Price } from '@shared/money/decimal';
import type { DomainHandlers } from '../api/handlers';
import { DomainError } from '../api/domain-error';
import type { TradingJournal } from '../ports/trading-journal';
import { fillToDto } from './model/fill';
import { isOpen, orderToDto, remainingQuantity, type Order } from './model/order';
import type { InstrumentSpec } from './model/instrument-spec';
import { accountToDto, positionsToDto } from './portfolio/ledger-dto';
import { sizePosition } from './risk/position-sizing';
import type { OrderManager } from './execution/order-manager';
import type { MarkBoard } from './execution/mark-board';
import { reservedForBuys } from './execution/risk-gate';
import { equityHistoryOf } from './portfolio/equity-history';

export type TradingMethods =
  | 'orders.place'
  | 'orders.preview'
  | 'orders.cancel'
  | 'orders.replace'
  | 'orders.cancelAll'
  | 'orders.list'
  | 'orders.fills'
  | 'positions.list'
  | 'positions.close'
  | 'account.get'
  | 'portfolio.snapshot'
  | 'portfolio.history'
  | 'risk.status'
  | 'risk.limits.update'
  | 'risk.killSwitch.trip'
  | 'risk.killSwitch.reset'
  | 'risk.sizing';

export interface TradingHandlerDeps {
  manager: OrderManager;
  journal: TradingJournal;
  marks: MarkBoard;
  instrument: (symbol: string) => InstrumentSpec | null;
  limits: () => RiskLimits;
  updateLimits: (limits: RiskLimits) => Promise<void>;
  /** What the paper broker's commission model would charge for this fill. */
  estimateCommission: (order: Order, price: Price) => Decimal | null;
  account: { broker: string; mode: 'paper' | 'live' };
  now: () => number;
  tradingDayOf: (time: number) => string;
}

const TICK = new Decimal('0.01');

/** Account and positions, marked to market: `portfolio.snapshot` and `portfolio.update`. */
export function portfolioSnapshot(deps: Pick<TradingHandlerDeps, 'manager' | 'marks' | 'instrument' | 'account' | 'now'>): PortfolioSnapshot {
  const { ledger, book } = deps.manager.books;
  const reserved = reservedForBuys({ book, marks: deps.marks }, deps.instrument);
  return {
    account: accountToDto(ledger, { ...deps.account, now: deps.now(), reserved }),
    positions: positionsToDto(ledger),
  };
}

/** The trading part of the contract, over the order manager and its books. */
export function tradingHandlers(deps: TradingHandlerDeps): DomainHandlers<TradingMethods> {
  const { manager } = deps;
  const snapshot = () => portfolioSnapshot(deps);
  const riskStatus = (): RiskStatus => ({
    limits: deps.limits(),
    killSwitch: manager.books.killSwitch,
    dayPnl: toDecimalString(manager.riskDayPnl()),
  });
  return {
    'orders.place': async (request) => orderToDto(await manager.place(request)),
    'orders.preview': (request) => preview(deps, request),
    'orders.cancel': async ({ id }) => orderToDto(await manager.cancel(id)),
    'orders.replace': async (patch) => orderToDto(await manager.replace(patch)),
    'orders.cancelAll': async ({ symbol }) => ({ canceled: await manager.cancelAll(symbol) }),
    'orders.list': ({ status, symbol, limit }) => {
      const wanted = (order: Order) =>
        (symbol === undefined || order.symbol === symbol) &&
        (status === 'all' || (status === 'open') === isOpen(order));
      return [...manager.books.book.orders.values()]
        .filter(wanted)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit)
        .map(orderToDto);
    },
    'orders.fills': ({ symbol, limit }) =>
      manager.books.book.fills
        .filter((fill) => symbol === undefined || fill.symbol === symbol)
        .slice(-limit)
        .reverse()
        .map(fillToDto),
    'positions.list': () => snapshot().positions,
    'positions.close': async ({ symbol }) => {
      const order = await manager.closePosition(symbol);
      return order ? orderToDto(order) : null;
    },
    'account.get': () => snapshot().account,
    'portfolio.snapshot': () => snapshot(),
    'portfolio.history': ({ limit }) =>
      equityHistoryOf(deps.journal.equityHistory(limit), manager.books.book.fills, deps.tradingDayOf),
    'risk.status': () => riskStatus(),
    'risk.limits.update': async (patch) => {
      await deps.updateLimits({ ...deps.limits(), ...patch });
      return riskStatus();
    },
    'risk.killSwitch.trip': async ({ reason }) => {
      await manager.tripKillSwitch(reason ?? 'Tripped by hand');
      return riskStatus();
    },
    'risk.killSwitch.reset': () => {
      manager.resetKillSwitch();
      return riskStatus();
    },
    'risk.sizing': ({ symbol, riskPercent, entryPrice, stopPrice }) => {
      const spec = deps.instrument(symbol);
      if (!spec) throw new DomainError('NOT_FOUND', `Unknown symbol ${symbol}`);
      const equity = manager.books.ledger.equity();
      const sized = sizePosition({
        equity,
        riskPercent: new Decimal(riskPercent),
        entryPrice: new Decimal(entryPrice) as Price,
        stopPrice: new Decimal(stopPrice) as Price,
        lotSize: spec.lotSize,
      });
      return {
        quantity: toDecimalString(sized.quantity),
        riskAmount: toDecimalString(sized.riskAmount),
        perUnitRisk: toDecimalString(sized.perUnitRisk),
        equity: toDecimalString(equity),
      };
    },
  };
}

function preview(deps: TradingHandlerDeps, request: Parameters<OrderManager['screen']>[0]): OrderPreview {
  const { order, rejection, spec } = deps.manager.screen(request);
  const { ledger, book } = deps.manager.books;
  const reserved = reservedForBuys({ book, marks: deps.marks }, deps.instrument);
  const before = ledger.buyingPower(reserved, deps.now());
  const last = deps.marks.price(order.symbol, spec?.tickSize ?? TICK);
  const price = order.limitPrice ?? order.stopPrice ?? last;
  const quantity = remainingQuantity(order);
  const cost = price && quantity.greaterThan(0) ? money(quantity.times(price)) : null;
  const commission = price && quantity.greaterThan(0) ? deps.estimateCommission(order, price) : null;
  const spends = order.side === 'buy' || ledger.marginMultiplier.greaterThan(1);
  const after = cost && spends ? Decimal.max(0, before.minus(cost).minus(commission ?? 0)) : before;
  return {
    estimatedPrice: price ? toDecimalString(price) : null,
    estimatedQuantity: quantity.greaterThan(0) ? toDecimalString(quantity) : null,
    estimatedCost: cost ? toDecimalString(cost) : null,
    estimatedCommission: commission ? toDecimalString(commission) : null,
    buyingPowerBefore: toDecimalString(before),
    buyingPowerAfter: cost ? toDecimalString(after) : null,
    rejection,
  };
}
