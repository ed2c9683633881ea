// Parity: one strategy on the same replayed bars gives the same orders, fills and cash in a
// backtest (runBacktest) and on the paper broker (StrategyRunner on the real OrderManager).
//
// The shared convention: an order decided on a bar's close works from the symbol's NEXT
// market event; on bar data a market order fills at the next bar's open (backtest-input's
// fill convention, sim-broker.ts). The paper broker must therefore not match a new order
// against a finished bar's close at submit (PaperBroker.workNow): that is the one place the
// two runtimes can part, and this test is what notices.
import { describe, expect, it } from 'vitest';
import type { ParamValues } from '@shared/dto/backtest';
import type { OrderDto } from '@shared/dto/trading';
import { Decimal, money } from '@shared/money/decimal';
import { runBacktest } from '../../src/main/core/backtest/engine';
import { BACKTEST_LIMITS } from '../../src/main/core/backtest/order-intake';
import { ReplayFeed } from '../../src/main/core/feeds/replay/replay-feed';
import { tradingDayOf } from '../../src/main/core/market-data/calendar';
import type { Bar, BarColumns } from '../../src/main/core/market-data/types';
import { BUILTIN_STRATEGIES } from '../../src/main/core/strategy/builtin';
import { resolveParams } from '../../src/main/core/strategy/params';
import type { Strategy, StrategyDefinition } from '../../src/main/core/strategy/strategy-api';
import { StrategyRunner } from '../../src/main/core/strategy/strategy-runner';
import { workMarketEvent } from '../../src/main/core/trading/execution/market-event';
import { MarkBoard } from '../../src/main/core/trading/execution/mark-board';
import { MemoryJournal } from '../../src/main/core/trading/execution/memory-journal';
import { OrderManager } from '../../src/main/core/trading/execution/order-manager';
import type { InstrumentSpec } from '../../src/main/core/trading/model/instrument-spec';
import type { Order } from '../../src/main/core/trading/model/order';
import { PaperBroker } from '../../src/main/core/trading/paper/paper-broker';
import { Ledger } from '../../src/main/core/trading/portfolio/ledger';
import { testBarStore } from '../support/bar-store';
import { FakeTime } from '../support/fake-time';
import { recordingLogger } from '../support/recording-logger';
import { readAaplDaily } from '../support/shared-data';

const SYMBOL = 'AAPL';
const DAY = 86_400_000;
/** Yahoo daily AAPL; 2015–2017 is 755 bars (split-adjusted, two decimals after rounding). */
const FIRST = Date.UTC(2015, 0, 1);
const LAST = Date.UTC(2017, 11, 31);
/** Trades and sessions do not exist in bar data: an always-open instrument leaves only the bars. */
const SPEC: InstrumentSpec = { symbol: SYMBOL, tickSize: new Decimal('0.01'), lotSize: new Decimal(1), assetClass: 'stock', alwaysOpen: true };
const CASH = '100000';


function readDailyBars(): Bar[] {
  const all = readAaplDaily();
  const bars: Bar[] = [];
  for (let i = 0; i < all.length; i += 1) {
    const time = all.time[i]!;
    if (time >= FIRST && time <= LAST) bars.push({ time, open: all.open[i]!, high: all.high[i]!, low: all.low[i]!, close: all.close[i]!, volume: all.volume[i]!, vwap: null, trades: null });
  }
  return bars;
}

function columnsOf(bars: readonly Bar[]): BarColumns {
  const column = (pick: (bar: Bar) => number) => Float64Array.from(bars, pick);
  return { length: bars.length, time: column((b) => b.time), open: column((b) => b.open), high: column((b) => b.high), low: column((b) => b.low), close: column((b) => b.close), volume: column((b) => b.volume) };
}

/** What a run did, in a form both runtimes produce: orders by their last update, fills, cash. */
interface RunRecord {
  orders: Map<number, OrderDto>;
  /** Every update the strategy heard, in order: "n status". */
  updates: string[];
  cashAtStop: Decimal | null;
}

/** The strategy under test, with a recorder around it (the same wrapper in both runs). */
function recorded(inner: StrategyDefinition, record: RunRecord): StrategyDefinition {
  const order = new Map<string, number>();
  return {
    ...inner,
    create(params: ParamValues): Strategy {
      const strategy = inner.create(params);
      return {
        onStart: (ctx) => strategy.onStart?.(ctx),
        onBar: (ctx, bar) => strategy.onBar?.(ctx, bar),
        onOrderUpdate(ctx, update) {
          // Client order ids differ by runtime (bt-n, run-n): number orders by first sight.
          const n = order.get(update.clientOrderId) ?? order.size;
          order.set(update.clientOrderId, n);
          record.orders.set(n, update);
          record.updates.push(`${n} ${update.status}`);
          strategy.onOrderUpdate?.(ctx, update);
        },
        onStop(ctx) {
          record.cashAtStop = ctx.portfolio.cash();
          strategy.onStop?.(ctx);
        },
      };
    },
  };
}

const orderView = (o: OrderDto) => ({ side: o.side, type: o.type, quantity: o.quantity, createdAt: o.createdAt, status: o.status, filled: o.filledQuantity, price: o.averageFillPrice });

function backtest(definition: StrategyDefinition, params: ParamValues, bars: readonly Bar[], from: number) {
  const output = runBacktest({
    definition,
    params,
    series: [{ symbol: SYMBOL, bars: columnsOf(bars) }],
    timeframe: '1d',
    from,
    initialCash: money(CASH),
    slippage: { model: 'none' },
    commission: { model: 'none' },
    instrument: () => SPEC,
    benchmark: null,
    tradingDayOf,
  });
  return { fills: output.fills.map((f) => ({ side: f.side, time: f.time, quantity: f.quantity, price: f.price, commission: f.commission })), finalEquity: output.metrics.finalEquity };
}

/** The same bars from a real SQLite bar store through the real replay feed on simulated time. */
async function paper(definition: StrategyDefinition, params: ParamValues, bars: readonly Bar[], from: number) {
  const barStore = await testBarStore();
  barStore.upsertBars(SYMBOL, '1d', bars);

  const time = new FakeTime(bars[0]!.time);
  const feed = new ReplayFeed({ clock: time, scheduler: time, source: { kind: 'bars', store: barStore, timeframe: '1d' }, from: bars[0]!.time, speed: 1 });
  // The account lives on replay time: an order decided on a bar is stamped with its close.
  const clock = { now: () => feed.replayTime() };
  const logger = recordingLogger();
  const marks = new MarkBoard();
  const broker = new PaperBroker({ slippage: { model: 'none' }, commission: { model: 'none' }, instrument: () => SPEC, marketPhase: () => 'regular', sessionCloseOf: () => null, clock });
  let runner: StrategyRunner | null = null;
  const manager = new OrderManager({
    journal: new MemoryJournal(),
    broker,
    clock,
    logger,
    // A cash account with immediate settlement, as in backtests (the ledger's 'immediate' option).
    createLedger: () => new Ledger({ currency: 'USD', marginMultiplier: new Decimal(1), tradingDayOf, settlement: 'immediate' }),
    instrument: () => SPEC,
    limits: () => BACKTEST_LIMITS,
    marks,
    tradingDayOf,
    newClientOrderId: () => 'never-used',
    openingCash: () => money(CASH),
    events: { order: (order: Order) => runner?.onOrder(order), fill() {}, killSwitch() {}, portfolioChanged() {} },
  });
  await manager.start();
  runner = new StrategyRunner({ runId: 'parity', definition, params, symbols: [SYMBOL], timeframe: '1d', manager, clock, logger });
  runner.start();

  // What the trading composition does with a market event (start-trading.ts, onMarketEvent).
  const parts = { marks, manager, paper: broker, tickOf: () => SPEC.tickSize };
  let played = 0;
  feed.onEvent((event) => {
    if (event.type !== 'bar') return;
    played += 1;
    workMarketEvent(event, parts);
    runner?.onBar(event.symbol, event.timeframe, event.bar, { warmUp: event.bar.time < from });
  });
  feed.subscribe([SYMBOL]);
  await feed.start();
  for (let day = 0; day < 2 * bars.length && played < bars.length; day += 1) {
    time.advance(DAY);
    await runner.settled();
  }
  runner.stop();
  await feed.stop();
  const fills = manager.books.book.fills.map((f) => ({ side: f.side, time: f.time, quantity: f.quantity.toFixed(), price: f.price.toFixed(), commission: f.commission.toFixed() }));
  return { played, fills, equity: manager.books.ledger.equity().toFixed(), runner };
}

describe('strategy parity: backtest and paper broker', () => {
  it('gives identical orders, fills and cash for the built-in SMA crossover on replayed AAPL daily bars', async () => {
    const bars = readDailyBars();
    expect(bars).toHaveLength(755);
    const tested = BUILTIN_STRATEGIES.get('sma-crossover')!;
    const resolved = resolveParams(tested.params, { fast: 10, slow: 30 });
    if (!resolved.ok) throw new Error(resolved.errors.join('; '));
    const params = resolved.params;
    const from = bars[30]!.time;

    const inBacktest: RunRecord = { orders: new Map(), updates: [], cashAtStop: null };
    const onPaper: RunRecord = { orders: new Map(), updates: [], cashAtStop: null };
    const bt = backtest(recorded(tested, inBacktest), params, bars, from);
    const pp = await paper(recorded(tested, onPaper), params, bars, from);

    expect(pp.played).toBe(bars.length);
    expect(String(pp.runner.status.error)).toBe("null");
    expect(pp.runner.status.state).toBe("stopped");
    expect(inBacktest.orders.size).toBeGreaterThan(10);
    // Orders: side, type, quantity, when decided, how they ended, at what price.
    expect([...onPaper.orders.values()].map(orderView)).toEqual([...inBacktest.orders.values()].map(orderView));
    expect(onPaper.updates).toEqual(inBacktest.updates);
    expect(pp.fills).toEqual(bt.fills);
    expect(onPaper.cashAtStop?.toFixed()).toBe(inBacktest.cashAtStop?.toFixed());
    expect(pp.equity).toBe(bt.finalEquity);
  });
});
