import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_LIMITS, PlaceOrder, type PlaceOrderInput, type RiskLimits } from '@shared/dto/trading';
import { Decimal, money, price, quantity } from '@shared/money/decimal';
import { marketPhase, sessionFor, tradingDayOf, wallClockToMs } from '../../market-data/calendar';
import type { Trade } from '../../market-data/types';
import { DomainError } from '../../api/domain-error';
import type { Fill } from '../model/fill';
import type { Order } from '../model/order';
import { Ledger } from '../portfolio/ledger';
import { PaperBroker } from '../paper/paper-broker';
import { MarkBoard } from './mark-board';
import { MemoryJournal } from './memory-journal';
import { OrderManager } from './order-manager';
import type { OpeningPosition } from './opening-positions';

const T0 = wallClockToMs('2024-03-15', '10:00');
const SPEC = { symbol: 'AAPL', tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock' as const, alwaysOpen: false };
const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };

function desk(options: { journal?: MemoryJournal; limits?: Partial<RiskLimits>; opening?: OpeningPosition[] } = {}) {
  const clock = { time: T0, now() { return this.time; } };
  const journal = options.journal ?? new MemoryJournal();
  const marks = new MarkBoard();
  const broker = new PaperBroker({
    slippage: { model: 'none' },
    commission: { model: 'per_order', amount: '1' },
    instrument: (symbol) => (symbol === 'AAPL' ? SPEC : null),
    marketPhase: (_symbol, time) => marketPhase(time),
    sessionCloseOf: (_symbol, time) => sessionFor(tradingDayOf(time))?.close ?? null,
    clock,
  });
  const seen = { orders: [] as Order[], fills: [] as Fill[] };
  const manager = new OrderManager({
    journal,
    broker,
    clock,
    logger: silent,
    createLedger: () => new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf }),
    instrument: (symbol) => (symbol === 'AAPL' ? SPEC : null),
    limits: () => ({ ...DEFAULT_RISK_LIMITS, duplicateWindowMs: 0, ...options.limits }),
    marks,
    tradingDayOf,
    newClientOrderId: () => `auto-${seen.orders.length}`,
    openingCash: () => money('10000'),
    openingPositions: () => options.opening ?? [],
    events: {
      order: (order) => seen.orders.push(order),
      fill: (fill) => seen.fills.push(fill),
      killSwitch: () => {},
      portfolioChanged: () => {},
    },
  });
  const trade = (price: number, size = 1_000): void => {
    const event: Trade = { symbol: 'AAPL', time: clock.time, timeNs: null, price, size, exchange: null, conditions: [], id: null };
    marks.update('AAPL', price, clock.time);
    manager.onMarket(() => broker.onMarket({ type: 'trade', trade: event }));
  };
  const place = (order: PlaceOrderInput) => manager.place(PlaceOrder.parse(order));
  return { manager, journal, broker, clock, seen, trade, place };
}

describe('OrderManager', () => {
  it('journals an order before acknowledging it, then books the fill on the market', async () => {
    const d = desk();
    await d.manager.start();
    d.trade(100);
    const order = await d.place({ clientOrderId: 'a1', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '10', limitPrice: '99.50' });
    expect(order.status).toBe('accepted');
    expect(d.journal.load().orders.map((stored) => stored.status)).toEqual(['accepted']);
    d.trade(99.4);
    const state = d.journal.load();
    expect(state.fills.map((fill) => [fill.quantity.toFixed(), fill.price.toFixed(), fill.commission.toFixed()])).toEqual([['10', '99.5', '1']]);
    // 10,000 − 10 × 99.50 − 1 commission, to the cent.
    expect(d.manager.books.ledger.cash().toFixed()).toBe('9004');
    expect(d.seen.fills).toHaveLength(1);
  });

  it('returns the same order for a retried client order id and never sends it twice', async () => {
    const d = desk();
    await d.manager.start();
    d.trade(100);
    const first = await d.place({ clientOrderId: 'same', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '5', limitPrice: '90' });
    const again = await d.place({ clientOrderId: 'same', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '5', limitPrice: '90' });
    expect(again.id).toBe(first.id);
    expect(d.journal.load().orders).toHaveLength(1);
    expect(d.broker.openOrders()).toHaveLength(1);
  });

  it('journals a risk rejection with the rule and numbers, and sends nothing', async () => {
    const d = desk({ limits: { maxOrderQuantity: '100' } });
    await d.manager.start();
    d.trade(100);
    const order = await d.place({ clientOrderId: 'big', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '101', limitPrice: '10' });
    expect(order.status).toBe('rejected');
    expect(order.rejection).toMatchObject({ rule: 'max_order_quantity', limit: '100', actual: '101' });
    expect(d.journal.load().orders[0]?.status).toBe('rejected');
    expect(d.broker.openOrders()).toHaveLength(0);
  });

  it('acknowledges nothing when the journal refuses the write, and rebuilds from it', async () => {
    const d = desk();
    await d.manager.start();
    d.trade(100);
    d.journal.failNext = new Error('disk full');
    await expect(d.place({ clientOrderId: 'lost', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '1', limitPrice: '90' })).rejects.toThrow('disk full');
    expect(d.seen.orders).toHaveLength(0);
    expect(d.manager.books.book.orders.size).toBe(0);
    // The intent can be sent again under the same id: nothing of it was kept.
    const retried = await d.place({ clientOrderId: 'lost', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '1', limitPrice: '90' });
    expect(retried.status).toBe('accepted');
  });

  it('rebuilds orders, fills and cash from the journal after a restart and re-arms working orders', async () => {
    const journal = new MemoryJournal();
    const before = desk({ journal });
    await before.manager.start();
    before.trade(100);
    await before.place({ clientOrderId: 'b1', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '3' });
    await before.place({ clientOrderId: 'w1', symbol: 'AAPL', side: 'sell', type: 'limit', quantity: '3', limitPrice: '101' });

    const after = desk({ journal });
    await after.manager.start();
    expect(after.manager.books.ledger.position('AAPL')?.quantity.toFixed()).toBe('3');
    expect(after.manager.books.ledger.cash().toFixed()).toBe(before.manager.books.ledger.cash().toFixed());
    after.trade(101.2);
    expect(after.manager.books.book.byClientOrderId('w1')?.status).toBe('filled');
    expect(after.manager.books.ledger.position('AAPL')?.quantity.toFixed()).toBe('0');
    // Opening cash is deposited once, not on every start.
    expect(journal.load().cash).toHaveLength(1);
  });

  it('flattens a long position with a sell, and the kill switch cancels working orders and blocks new ones', async () => {
    const d = desk();
    await d.manager.start();
    d.trade(100);
    await d.place({ clientOrderId: 'l1', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '4' });
    await d.place({ clientOrderId: 'w2', symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '1', limitPrice: '95' });
    await d.manager.tripKillSwitch('test');
    expect(d.manager.books.book.byClientOrderId('w2')?.status).toBe('canceled');
    const blocked = await d.place({ clientOrderId: 'x', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1' });
    expect(blocked.rejection?.rule).toBe('kill_switch');
    const close = await d.manager.closePosition('AAPL');
    expect(close?.side).toBe('sell');
    expect(close?.status).toBe('filled');
    d.manager.resetKillSwitch();
    expect((await d.place({ clientOrderId: 'y', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1' })).status).toBe('filled');
  });

  it('refuses to cancel an order that is no longer working', async () => {
    const d = desk();
    await d.manager.start();
    d.trade(100);
    const filled = await d.place({ clientOrderId: 'f', symbol: 'AAPL', side: 'buy', type: 'market', quantity: '1' });
    await expect(d.manager.cancel(filled.id)).rejects.toBeInstanceOf(DomainError);
  });

  it('takes over an account’s positions at the first start, cash as the broker has it, once', async () => {
    const opening: OpeningPosition[] = [
      { symbol: 'AAPL', quantity: quantity('12'), averageCost: price('170.25') },
      { symbol: 'MSFT', quantity: quantity('-3'), averageCost: price('401.1') },
    ];
    const d = desk({ opening });
    await d.manager.start();
    const { ledger, book } = d.manager.books;
    expect(ledger.cash().toFixed()).toBe('10000');
    expect(ledger.position('AAPL')?.quantity.toFixed()).toBe('12');
    expect(ledger.position('AAPL')?.averageCost()?.toFixed()).toBe('170.25');
    expect(ledger.position('MSFT')?.quantity.toFixed()).toBe('-3');
    expect(ledger.realizedPnl().toFixed()).toBe('0');
    expect([...book.orders.values()].map((order) => [order.clientOrderId, order.status, order.source])).toEqual([
      ['opening-O1', 'filled', 'system'],
      ['opening-O2', 'filled', 'system'],
    ]);
    // A restart on the same journal rebuilds them and adds nothing.
    const again = desk({ journal: d.journal, opening });
    await again.manager.start();
    expect(again.manager.books.book.fills).toHaveLength(2);
    expect(again.manager.books.ledger.cash().toFixed()).toBe('10000');
  });
});
