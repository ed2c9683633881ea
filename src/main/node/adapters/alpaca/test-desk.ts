import type { ReconciliationReport } from '@shared/dto/broker';
import { DEFAULT_RISK_LIMITS, PlaceOrder, type PlaceOrderInput } from '@shared/dto/trading';
import { Decimal, money } from '@shared/money/decimal';
import { tradingDayOf, wallClockToMs } from '../../../core/market-data/calendar';
import type { Logger } from '../../../core/ports/logger';
import { MarkBoard } from '../../../core/trading/execution/mark-board';
import { MemoryJournal } from '../../../core/trading/execution/memory-journal';
import { OrderManager } from '../../../core/trading/execution/order-manager';
import type { Order } from '../../../core/trading/model/order';
import { Ledger } from '../../../core/trading/portfolio/ledger';
import { systemScheduler } from '../../system-scheduler';
import { AlpacaBroker, type AlpacaBrokerOptions } from './alpaca-broker';
import { FakeAlpacaApi } from './test-api';
import { lateLookup, TradingBook } from '../../../core/trading/execution/trading-book';

export const DESK_START = wallClockToMs('2024-03-15', '10:00');
const SPEC = { symbol: 'AAPL', tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' as const, alwaysOpen: false };

export interface LogLine {
  level: string;
  message: string;
  fields: string;
}

/** A logger that keeps every line (fields as JSON), for assertions and the redaction check. */
export function keepingLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const write = (level: string) => (message: string, fields?: object) => void lines.push({ level, message, fields: JSON.stringify(fields ?? {}) });
  const logger: Logger & { lines: LogLine[] } = { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: () => logger };
  return logger;
}

/**
 * The real order manager (memory journal, real ledger and risk gate) trading through the
 * Alpaca broker against the in-memory Alpaca API. Submit retries wait about a millisecond.
 */
export function alpacaDesk(options: { journal?: MemoryJournal; api?: FakeAlpacaApi; broker?: Partial<AlpacaBrokerOptions> } = {}) {
  const clock = { time: DESK_START, now(): number { return this.time; } };
  const api = options.api ?? new FakeAlpacaApi(() => new Date(clock.time).toISOString());
  const journal = options.journal ?? new MemoryJournal();
  const logger = keepingLogger();
  const marks = new MarkBoard();
  marks.update('AAPL', 100, DESK_START);
  const reconciliations: ReconciliationReport[] = [];
  const holder: { manager: OrderManager | null } = { manager: null };
  const broker = new AlpacaBroker({
    api,
    mode: 'paper',
    clock,
    scheduler: systemScheduler,
    logger,
    orders: lateLookup(() => holder.manager?.books.book ?? new TradingBook()),
    bookPositions: () => holder.manager?.books.ledger.positions() ?? [],
    onReconciliation: (report) => reconciliations.push(report),
    submit: { backoff: { baseMs: 1, capMs: 1 } },
    retryBackoff: { baseMs: 60_000, capMs: 60_000 },
    ...options.broker,
  });
  const manager = new OrderManager({
    journal,
    broker,
    clock,
    logger,
    createLedger: () => new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf }),
    instrument: (symbol) => (symbol === 'AAPL' ? SPEC : null),
    limits: () => ({ ...DEFAULT_RISK_LIMITS, duplicateWindowMs: 0 }),
    marks,
    tradingDayOf,
    newClientOrderId: () => `auto-${journal.load().orders.length}`,
    openingCash: () => money('100000'),
    events: { order: () => {}, fill: () => {}, killSwitch: () => {}, portfolioChanged: () => {} },
  });
  holder.manager = manager;
  const place = (order: PlaceOrderInput): Promise<Order> => manager.place(PlaceOrder.parse(order));
  const order = (id: string): Order => {
    const found = manager.books.book.get(id);
    if (!found) throw new Error(`No order ${id}`);
    return found;
  };
  /** Fills as the journal holds them: [orderId, quantity, price, fillId]. */
  const fills = (): string[][] => journal.load().fills.map((fill) => [fill.orderId, fill.quantity.toFixed(), fill.price.toFixed(), fill.id]);
  return { api, broker, manager, journal, clock, logger, reconciliations, place, order, fills };
}
