import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { PaperSettings, RiskLimits } from '@shared/dto/trading';
import { Decimal, money, toDecimalString, type Money } from '@shared/money/decimal';
import type { Settings } from '@shared/dto/settings';
import type { DomainHandlers } from '../../core/api/handlers';
import type { EventHub } from '../../core/events/event-hub';
import type { InstrumentStore } from '../../core/ports/bar-store';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { FeedEvent } from '../../core/ports/market-feed';
import type { Broker, BrokerPosition } from '../../core/ports/broker';
import { lateLookup, TradingBook, type OrderLookup } from '../../core/trading/execution/trading-book';
import type { OpeningPosition } from '../../core/trading/execution/opening-positions';
import type { Scheduler } from '../../core/ports/scheduler';
import type { SettingsService } from '../../core/settings/settings-service';
import { marketPhase, sessionFor, tradingDayOf } from '../../core/market-data/calendar';
import { MarkBoard } from '../../core/trading/execution/mark-board';
import { lastPriceOf, workMarketEvent } from '../../core/trading/execution/market-event';
import { OrderManager } from '../../core/trading/execution/order-manager';
import { orderToDto } from '../../core/trading/model/order';
import { fillToDto } from '../../core/trading/model/fill';
import { Ledger } from '../../core/trading/portfolio/ledger';
import { PaperBroker } from '../../core/trading/paper/paper-broker';
import { estimateCommission } from '../../core/trading/paper/commission';
import { portfolioSnapshot, tradingHandlers, type TradingHandlerDeps, type TradingMethods } from '../../core/trading/trading-handlers';
import { SqliteTradingJournal } from '../store/sqlite-trading-journal';
import { instrumentSpecs } from './instrument-specs';
import { PortfolioPublisher } from './portfolio-publisher';

export interface TradingOptions {
  sqlite: BetterSqlite3.Database;
  hub: EventHub;
  clock: Clock;
  scheduler: Scheduler;
  logger: Logger;
  settings: SettingsService;
  instruments: InstrumentStore;
  /** Market events the paper broker fills on and the books are marked with. */
  onFeedEvent: (listener: (event: FeedEvent) => void) => () => void;
  /** How often the books are marked, published and checked against the daily loss. */
  tickMs?: number;
  /** How often an equity snapshot is stored. */
  equityEveryMs?: number;
  /**
   * Before working orders are handed back to the paper broker: market events it should have
   * seen (the live feed's latest quotes and trades; a replay resuming after a crash re-shows
   * the market up to its journaled cursor).
   */
  prime?: (see: (event: FeedEvent) => void) => void;
  /** A real broker instead of the paper broker (which then still exists but gets no orders). */
  external?: ExternalBroker;
  /** A price for a symbol before its first live event (see MarkBoard); none by default. */
  lastKnownPrice?: (symbol: string) => { price: number; time: number } | null;
}

/** What a real broker brings: itself (built once the books exist) and its account's facts. */
export interface ExternalBroker {
  account: { broker: string; mode: 'paper' | 'live' };
  create(books: { orders: OrderLookup; positions: () => readonly BrokerPosition[] }): Broker;
  /** The account's cash when the journal is new (its first connection). */
  openingCash(): Money | null;
  /** The positions the account already holds then; taken over as opening fills. */
  openingPositions(): readonly OpeningPosition[];
}

export interface Trading {
  handlers: DomainHandlers<TradingMethods>;
  manager: OrderManager;
  paper: PaperBroker;
  marks: MarkBoard;
  /** Feeds one market event through marks, the paper broker and the journal (also for replays). */
  onMarketEvent(event: FeedEvent): void;
  stop(): Promise<void>;
}

const MARK_TICK = new Decimal('0.01');
const NO_ORDERS: OrderLookup = new TradingBook();

/** Composes trading on the paper broker: journal, ledger, risk, handlers and their timers. */
export async function startTrading(options: TradingOptions): Promise<Trading> {
  const { clock, hub, settings, logger } = options;
  const journal = new SqliteTradingJournal(options.sqlite);
  const instrument = instrumentSpecs(options.instruments);
  const marks = new MarkBoard(options.lastKnownPrice);
  const paperSettings = (): PaperSettings => settings.get().paper;
  const limits = (): RiskLimits => settings.get().risk;
  const paper = new PaperBroker({
    slippage: paperSettings().slippage,
    commission: paperSettings().commission,
    instrument,
    marketPhase: (symbol: string, time: number) => (instrument(symbol)?.alwaysOpen ? 'regular' : marketPhase(time)),
    sessionCloseOf: (symbol: string, time: number) =>
      instrument(symbol)?.alwaysOpen ? null : (sessionFor(tradingDayOf(time))?.close ?? null),
    clock,
  });
  const publisher = new PortfolioPublisher(hub);
  const external = options.external;
  // The broker is built before the order manager whose books it reads: it reads them late.
  let lateBooks: { orders: () => OrderLookup; positions: () => readonly BrokerPosition[] } = { orders: () => NO_ORDERS, positions: () => [] };
  const broker: Broker = external ? external.create({ orders: lateLookup(() => lateBooks.orders()), positions: () => lateBooks.positions() }) : paper;
  const manager = new OrderManager({
    journal,
    broker,
    clock,
    logger: logger.child('trading'),
    createLedger: () =>
      new Ledger({ currency: 'USD', marginMultiplier: new Decimal(paperSettings().marginMultiplier), tradingDayOf }),
    instrument,
    limits,
    marks,
    tradingDayOf,
    newClientOrderId: () => `k-${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    openingCash: () => (external ? external.openingCash() : money(paperSettings().initialCash)),
    openingPositions: () => external?.openingPositions() ?? [],
    events: {
      order: (order) => hub.publish('orders.update', orderToDto(order)),
      fill: (fill) => hub.publish('orders.fill', fillToDto(fill)),
      killSwitch: () => hub.publish('risk.status', riskStatus()),
      portfolioChanged: () => publisher.markDirty(),
    },
  });
  const riskStatus = () => ({
    limits: limits(),
    killSwitch: manager.books.killSwitch,
    dayPnl: toDecimalString(manager.riskDayPnl()),
  });
  lateBooks = {
    orders: () => manager.books.book,
    positions: () =>
      manager.books.ledger.positions().map((position) => ({ symbol: position.symbol, quantity: position.quantity, costBasis: position.costBasis })),
  };
  options.prime?.((event) => {
    const last = lastPriceOf(event);
    if (last) marks.update(last.symbol, last.price, last.time);
    paper.onMarket(event);
  });
  await manager.start();

  const handlerDeps: TradingHandlerDeps = {
    manager,
    journal,
    marks,
    instrument,
    limits,
    updateLimits: async (risk) => {
      await settings.update({ risk });
    },
    // Alpaca charges no commission on US equities; the paper broker charges its model's.
    estimateCommission: (order, price) =>
      external ? money(0) : estimateCommission(paperSettings().commission, order.quantity, price),
    account: external?.account ?? { broker: 'paper', mode: 'paper' as const },
    now: () => clock.now(),
    tradingDayOf,
  };
  const handlers = tradingHandlers(handlerDeps);

  const eventParts = { marks, manager, paper, tickOf: (symbol: string) => instrument(symbol)?.tickSize ?? MARK_TICK };
  const onMarketEvent = (event: FeedEvent): void => {
    try {
      if (workMarketEvent(event, eventParts)) publisher.markDirty();
    } catch (error) {
      logger.error('The paper broker could not process a market event', { symbol: lastPriceOf(event)?.symbol ?? null, error: String(error) });
    }
  };
  const stops = [
    options.onFeedEvent(onMarketEvent),
    options.scheduler.every(options.tickMs ?? 250, () => {
      const now = clock.now();
      manager.onMarket(() => paper.onClock(now));
      void manager.tick().catch((error: unknown) => logger.error('Trading tick failed', { error: String(error) }));
      publisher.publishIfDirty(() => portfolioSnapshot(handlerDeps));
    }),
    options.scheduler.every(options.equityEveryMs ?? 60_000, () => {
      const { ledger } = manager.books;
      journal.recordEquity({ time: clock.now(), equity: toDecimalString(ledger.equity()), cash: toDecimalString(ledger.cash()) });
    }),
    hub.subscribe('settings.changed', (next: Settings) => {
      paper.configure({ slippage: next.paper.slippage, commission: next.paper.commission });
      manager.books.ledger.setMarginMultiplier(new Decimal(next.paper.marginMultiplier));
      publisher.markDirty();
      hub.publish('risk.status', riskStatus());
    }),
  ];

  return {
    handlers,
    manager,
    paper,
    marks,
    onMarketEvent,
    stop() {
      for (const stop of stops) stop();
      manager.stop();
      return Promise.resolve();
    },
  };
}
