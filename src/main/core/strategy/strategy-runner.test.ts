import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_LIMITS, PlaceOrder, type OrderDto } from '@shared/dto/trading';
import { Decimal, money } from '@shared/money/decimal';
import { tradingDayOf } from '../market-data/calendar';
import type { Bar } from '../market-data/types';
import { MarkBoard } from '../trading/execution/mark-board';
import { MemoryJournal } from '../trading/execution/memory-journal';
import { OrderManager } from '../trading/execution/order-manager';
import type { Order } from '../trading/model/order';
import { PaperBroker } from '../trading/paper/paper-broker';
import { Ledger } from '../trading/portfolio/ledger';
import { defineStrategy, type Strategy, type StrategyContext } from './strategy-api';
import { StrategyRunner } from './strategy-runner';

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 2, 15, 14, 0);
const SPEC = { symbol: 'BTC', tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'crypto' as const, alwaysOpen: true };
const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };

/** The real order manager on the real paper broker, an always-open market, 10,000 cash. */
function desk(journal = new MemoryJournal()) {
  const clock = { time: T0, now() { return this.time; } };
  const marks = new MarkBoard();
  const broker = new PaperBroker({
    slippage: { model: 'none' },
    commission: { model: 'per_order', amount: '1' },
    instrument: (symbol) => (symbol === 'BTC' ? SPEC : null),
    marketPhase: () => 'regular',
    sessionCloseOf: () => null,
    clock,
  });
  const listeners: ((order: Order) => void)[] = [];
  const manager = new OrderManager({
    journal,
    broker,
    clock,
    logger: silent,
    createLedger: () => new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf, settlement: 'immediate' }),
    instrument: (symbol) => (symbol === 'BTC' ? SPEC : null),
    limits: () => ({ ...DEFAULT_RISK_LIMITS, duplicateWindowMs: 0, maxOrderNotional: '5000' }),
    marks,
    tradingDayOf,
    newClientOrderId: () => `manual-${clock.time}`,
    openingCash: () => money('10000'),
    events: { order: (order) => listeners.forEach((listen) => listen(order)), fill() {}, killSwitch() {}, portfolioChanged() {} },
  });
  /** One finished one-minute bar: the broker sees it, then the strategy (as the host does). */
  const bar = (runner: StrategyRunner, index: number, close: number, open = close): Bar => {
    const finished: Bar = { time: T0 + index * MINUTE, open, high: Math.max(open, close), low: Math.min(open, close), close, volume: 1_000, vwap: null, trades: null };
    clock.time = finished.time + MINUTE;
    marks.update('BTC', close, finished.time);
    manager.onMarket(() => broker.onMarket({ type: 'bar', symbol: 'BTC', timeframe: '1m', bar: finished }));
    runner.onBar('BTC', '1m', finished);
    return finished;
  };
  const run = (strategy: Strategy, runId = 'run1', errors: unknown[] = []) => {
    const definition = defineStrategy({ id: 't', name: 'Test', description: '', params: {}, warmup: () => 0, create: () => strategy });
    const runner = new StrategyRunner({ runId, definition, params: {}, symbols: ['BTC'], timeframe: '1m', manager, clock, logger: silent, onError: (e) => errors.push(e) });
    listeners.push((order) => runner.onOrder(order));
    return runner;
  };
  return { manager, journal, clock, bar, run };
}

describe('StrategyRunner', () => {
  it('sends orders through the manager as the strategy, fills them on the paper broker and reports them after onBar', async () => {
    const d = desk();
    await d.manager.start();
    const seen: string[] = [];
    const runner = d.run({
      onBar(ctx, bar) {
        seen.push(`bar ${bar.close}`);
        if (bar.close === 101) seen.push(`submitted ${ctx.orders.submit({ symbol: 'BTC', side: 'buy', type: 'market', quantity: '10' })}`);
      },
      onOrderUpdate(ctx, order) {
        seen.push(`${order.clientOrderId} ${order.status} ${order.source} pos ${ctx.portfolio.position('BTC').toFixed()}`);
      },
    });
    runner.start();
    d.bar(runner, 0, 100);
    d.bar(runner, 1, 101);
    await runner.settled();
    // On bar data a new market order waits for the next bar: it was decided on 101's close.
    expect(seen).toEqual(['bar 100', 'bar 101', 'submitted run1-1', 'run1-1 accepted strategy pos 0']);
    d.bar(runner, 2, 103, 102);
    await runner.settled();
    expect(seen.slice(4)).toEqual(['run1-1 filled strategy pos 10', 'bar 103']);
    // It fills at that bar's open: 10,000 − 10 × 102 − 1 commission.
    expect(d.manager.books.ledger.cash().toFixed()).toBe('8979');
  });

  it('reads the cash as a float too: cashValue() is cash().toNumber()', async () => {
    const d = desk();
    await d.manager.start();
    const seen: [string, number][] = [];
    const runner = d.run({
      onBar(ctx, bar) {
        seen.push([ctx.portfolio.cash().toFixed(), ctx.portfolio.cashValue()]);
        if (bar.close === 101) ctx.orders.submit({ symbol: 'BTC', side: 'buy', type: 'market', quantity: '10' });
      },
    });
    runner.start();
    d.bar(runner, 0, 101);
    await runner.settled();
    d.bar(runner, 1, 103, 102);
    await runner.settled();
    expect(seen).toEqual([
      ['10000', 10_000],
      ['8979', 8979], // 10,000 − 10 × 102 − 1 commission
    ]);
  });

  it('hands a risk rejection to onOrderUpdate as an order, not an exception', async () => {
    const d = desk();
    await d.manager.start();
    const updates: OrderDto[] = [];
    const runner = d.run({
      onBar: (ctx) => void ctx.orders.submit({ symbol: 'BTC', side: 'buy', type: 'market', quantity: '60' }),
      onOrderUpdate: (_ctx, order) => void updates.push(order),
    });
    runner.start();
    d.bar(runner, 0, 100); // 60 × 100 = 6,000 > the 5,000 order notional limit
    await runner.settled();
    expect(updates.map((order) => [order.status, order.rejection?.rule])).toEqual([['rejected', 'max_order_notional']]);
    expect(runner.status.state).toBe('running');
  });

  it('keeps history and indicators up to the finished bar, now() at its close, and ignores orders while warming up', async () => {
    const d = desk();
    await d.manager.start();
    const readings: string[] = [];
    let sma = { value: Number.NaN };
    const runner = d.run({
      onStart: (ctx) => void (sma = ctx.indicators.sma('BTC', 3)),
      onBar(ctx) {
        const history = ctx.history('BTC');
        readings.push(`${history.length} ${history.close()} ${history.close(1)} ${sma.value} ${(ctx.now() - T0) / MINUTE}`);
        readings.push(`order ${JSON.stringify(ctx.orders.submit({ symbol: 'BTC', side: 'buy', type: 'limit', limitPrice: '1', quantity: '1' }))}`);
      },
    });
    runner.start();
    runner.onBar('BTC', '1m', { time: T0 - MINUTE, open: 9, high: 9, low: 9, close: 9, volume: 1, vwap: null, trades: null }, { warmUp: true });
    d.bar(runner, 0, 12);
    d.bar(runner, 1, 15);
    // The warm-up bar reaches onBar, but its order is ignored: numbering starts with the first real one.
    expect(readings).toEqual(['1 9 NaN NaN 0', 'order ""', '2 12 9 NaN 1', 'order "run1-1"', '3 15 12 12 2', 'order "run1-2"']);
  });

  it('cancels only its own orders, and continues its numbering after a restart', async () => {
    const journal = new MemoryJournal();
    const d = desk(journal);
    await d.manager.start();
    d.bar(d.run({}), 0, 100);
    const manual = await d.manager.place(PlaceOrder.parse({ symbol: 'BTC', side: 'buy', type: 'limit', quantity: '1', limitPrice: '90', timeInForce: 'gtc' }));
    const limit = { symbol: 'BTC', side: 'buy', type: 'limit', quantity: '1', limitPrice: '95', timeInForce: 'gtc' } as const;
    const first = d.run({ onStart: (ctx) => void [ctx.orders.submit(limit), ctx.orders.submit(limit)] });
    first.start();
    await first.settled();
    const ids: string[] = [];
    const again = desk(journal);
    await again.manager.start();
    const second = again.run({
      onStart(ctx) {
        ids.push(...ctx.orders.open().map((order) => order.clientOrderId), ctx.orders.submit(limit));
        ctx.orders.cancelAll();
      },
    });
    second.start();
    await second.settled();
    expect(ids).toEqual(['run1-1', 'run1-2', 'run1-3']);
    const open = again.manager.books.book.open().map((order) => order.clientOrderId);
    expect(open).toEqual([manual.clientOrderId]);
  });

  it('stops calling a strategy that throws and reports the error', async () => {
    const d = desk();
    await d.manager.start();
    const errors: unknown[] = [];
    const bars: number[] = [];
    const runner = d.run(
      {
        onBar(_ctx: StrategyContext, bar) {
          bars.push(bar.close);
          if (bar.close === 101) throw new Error('boom');
        },
      },
      'run1',
      errors,
    );
    runner.start();
    d.bar(runner, 0, 100);
    d.bar(runner, 1, 101);
    d.bar(runner, 2, 102);
    expect(bars).toEqual([100, 101]);
    expect(String(errors[0])).toBe('Error: boom');
    expect(runner.status.state).toBe('failed');
  });

  it('reports a malformed order to the strategy as a rejected order, as a backtest does', async () => {
    const d = desk();
    await d.manager.start();
    const updates: OrderDto[] = [];
    const runner = d.run({
      onStart: (ctx) => void ctx.orders.submit({ symbol: 'BTC', side: 'sell', type: 'market', quantity: '0' }),
      onOrderUpdate: (_ctx, order) => void updates.push(order),
    });
    runner.start();
    await runner.settled();
    expect(updates.map((order) => [order.clientOrderId, order.status, order.rejection?.rule, order.rejection?.message])).toEqual([
      ['run1-1', 'rejected', 'invalid_order', 'quantity: Must be greater than zero'],
    ]);
    expect(d.manager.books.book.orders.size).toBe(0);
    expect(runner.status.state).toBe('running');
  });
});
