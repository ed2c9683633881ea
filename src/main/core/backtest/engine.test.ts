import { describe, expect, it } from 'vitest';
import type { OrderDto } from '@shared/dto/trading';
import { smaCrossover } from '../strategy/builtin/sma-crossover';
import type { BarEvent } from '../strategy/strategy-api';
import type { BacktestLogEntry } from './backtest-input';
import { runBacktest } from './engine';
import { D0, DAY, dailyFromCloses, inputFor, scripted, type Row } from './test-support';

const bars: Row[] = [
  [D0, 100, 101, 99, 100.5],
  [D0 + DAY, 102, 103, 101, 102.5],
  [D0 + 2 * DAY, 103, 104, 102, 103.5],
  [D0 + 3 * DAY, 104, 105, 103, 101],
];

describe('runBacktest: fills', () => {
  it('fills a market order decided on a bar at the next bar’s open, never on the bar itself', () => {
    const seen: { time: number; position: string }[] = [];
    const definition = scripted({
      onBar(ctx, bar) {
        seen.push({ time: bar.time, position: ctx.portfolio.position('AAPL').toFixed() });
        if (bar.time === D0) ctx.orders.submit({ symbol: 'AAPL', side: 'buy', type: 'market', quantity: '10' });
      },
    });
    const out = runBacktest(inputFor(definition, { AAPL: bars }));
    expect(out.fills).toEqual([{ symbol: 'AAPL', side: 'buy', time: D0 + DAY, quantity: '10', price: '102', commission: '0' }]);
    expect(seen.map((s) => s.position)).toEqual(['0', '10', '10', '10']);
    // 10 000 − 10 × 102 = 8 980 cash; then + 10 × close.
    expect([...out.equity.equity]).toEqual([10_000, 8980 + 1025, 8980 + 1035, 8980 + 1010]);
    expect(out.metrics.finalEquity).toBe('9990');
    expect(out.metrics.exposure).toBe(0.75);
    expect(out.bars).toBe(4);
    expect([out.firstBarTime, out.lastBarTime]).toEqual([D0, D0 + 3 * DAY]);
  });

  it('shows only finished bars: history and indicators never include a later bar', () => {
    const closes = [10, 11, 12, 13, 14, 15];
    const views: number[][] = [];
    const definition = scripted({
      onStart(ctx) {
        const sma = ctx.indicators.sma('X', 3);
        this.onBar = (c, bar) => views.push([c.history('X').length, c.history('X').close(0), c.history('X').close(1), sma.value, bar.close, c.now() - bar.time]);
      },
    });
    runBacktest(inputFor(definition, { X: dailyFromCloses(closes) }));
    expect(views).toEqual([
      [1, 10, Number.NaN, Number.NaN, 10, DAY],
      [2, 11, 10, Number.NaN, 11, DAY],
      [3, 12, 11, 11, 12, DAY],
      [4, 13, 12, 12, 13, DAY],
      [5, 14, 13, 13, 14, DAY],
      [6, 15, 14, 14, 15, DAY],
    ]);
  });

  it('fills a buy limit at the open when the bar gaps below it, and a sell stop at the open when it gaps through', () => {
    const gaps: Row[] = [
      [D0, 100, 101, 99, 100],
      [D0 + DAY, 97, 99, 96, 98], // opens below the 99 buy limit
      [D0 + 2 * DAY, 98, 99, 97, 98],
      [D0 + 3 * DAY, 93, 94, 92, 93], // opens below the 95 sell stop
    ];
    const definition = scripted({
      onBar(ctx, bar) {
        if (bar.time === D0) ctx.orders.submit({ symbol: 'X', side: 'buy', type: 'limit', limitPrice: '99', quantity: '5' });
        if (bar.time === D0 + DAY) ctx.orders.submit({ symbol: 'X', side: 'sell', type: 'stop', stopPrice: '95', quantity: '5', timeInForce: 'gtc' });
      },
    });
    const out = runBacktest(inputFor(definition, { X: gaps }));
    expect(out.fills.map((f) => [f.side, f.time, f.price])).toEqual([
      ['buy', D0 + DAY, '97'],
      ['sell', D0 + 3 * DAY, '93'],
    ]);
    expect(out.trades).toEqual([
      { symbol: 'X', side: 'long', entryTime: D0 + DAY, exitTime: D0 + 3 * DAY, quantity: '5', entryPrice: '97', exitPrice: '93', pnl: '-20', returnPct: (-20 / 485) * 100 },
    ]);
  });

  it('fills a limit inside the bar at the limit, and expires an unfilled day order at the next trading day', () => {
    const updates: [string, string][] = [];
    const definition = scripted({
      onBar(ctx, bar) {
        if (bar.time === D0) {
          ctx.orders.submit({ symbol: 'X', side: 'buy', type: 'limit', limitPrice: '90', quantity: '1', clientOrderId: 'far' });
          ctx.orders.submit({ symbol: 'X', side: 'buy', type: 'limit', limitPrice: '101.5', quantity: '2', clientOrderId: 'near' });
        }
      },
      onOrderUpdate(_ctx, order: OrderDto) {
        updates.push([order.clientOrderId, order.status]);
      },
    });
    const out = runBacktest(inputFor(definition, { X: bars }));
    expect(out.fills.map((f) => [f.quantity, f.price, f.time])).toEqual([['2', '101.5', D0 + DAY]]);
    expect(updates).toEqual([
      ['far', 'accepted'],
      ['near', 'accepted'],
      ['near', 'filled'],
      ['far', 'expired'],
    ]);
  });

  it('charges commission in decimals and takes it out of cash and the trade’s P&L', () => {
    const definition = scripted({
      onBar(ctx, bar) {
        if (bar.time === D0) ctx.orders.submit({ symbol: 'X', side: 'buy', type: 'market', quantity: '10' });
        if (bar.time === D0 + 2 * DAY) ctx.orders.submit({ symbol: 'X', side: 'sell', type: 'market', quantity: '10' });
      },
    });
    const out = runBacktest(inputFor(definition, { X: bars }, { commission: { model: 'per_share', perShare: '0.005', minimum: '1', maximumPercent: null } }));
    expect(out.fills.map((f) => [f.side, f.price, f.commission])).toEqual([
      ['buy', '102', '1'],
      ['sell', '104', '1'],
    ]);
    // 10 000 − 1 020 − 1 + 1 040 − 1
    expect(out.metrics.finalEquity).toBe('10018');
    expect(out.trades[0]?.pnl).toBe('18');
  });

  it('refuses a sell beyond the position (no shorting in a cash account) and says why', () => {
    const rejected: (string | undefined)[] = [];
    const definition = scripted({
      onBar(ctx, bar) {
        if (bar.time === D0) ctx.orders.submit({ symbol: 'X', side: 'sell', type: 'market', quantity: '1' });
      },
      onOrderUpdate(_ctx, order) {
        if (order.status === 'rejected') rejected.push(order.rejection?.rule);
      },
    });
    const out = runBacktest(inputFor(definition, { X: bars }));
    expect(rejected).toEqual(['buying_power']);
    expect(out.fills).toEqual([]);
  });
});

describe('runBacktest: warm-up, symbols, determinism, cancel', () => {
  it('feeds warm-up bars to the strategy but ignores its orders there, logging it once', () => {
    const logs: BacktestLogEntry[] = [];
    const definition = scripted({
      onBar(ctx) {
        ctx.orders.submit({ symbol: 'X', side: 'buy', type: 'market', quantity: '1' });
      },
    });
    const out = runBacktest(inputFor(definition, { X: bars }, { from: D0 + 2 * DAY, onLog: (entry) => logs.push(entry) }));
    expect(logs.map((entry) => [entry.time, entry.message])).toEqual([[D0 + DAY, 'Orders during the warm-up (before the start of the test) are ignored']]);
    expect(out.fills.map((f) => f.time)).toEqual([D0 + 3 * DAY]); // decided at the first tradable bar
    expect([...out.equity.time]).toEqual([D0 + 2 * DAY, D0 + 3 * DAY]);
  });

  it('merges symbols in time order, ties in the given order, with one equity point per bar of the first symbol', () => {
    const order: string[] = [];
    const definition = scripted({
      onBar(_ctx, bar: BarEvent) {
        order.push(`${bar.symbol}@${(bar.time - D0) / DAY}`);
      },
    });
    const a: Row[] = [bars[0]!, bars[2]!];
    const b: Row[] = [bars[0]!, bars[1]!, bars[2]!, bars[3]!];
    const out = runBacktest(inputFor(definition, { B: b, A: a }));
    expect(order).toEqual(['B@0', 'A@0', 'B@1', 'B@2', 'A@2', 'B@3']);
    expect([...out.equity.time]).toEqual([D0, D0 + DAY, D0 + 2 * DAY, D0 + 3 * DAY]);
  });

  it('takes an equity point once every symbol’s bar of that instant is in', () => {
    const definition = scripted({
      onBar(ctx, bar) {
        if (bar.symbol === 'B' && bar.time === D0) ctx.orders.submit({ symbol: 'B', side: 'buy', type: 'market', quantity: '10' });
      },
    });
    const a: Row[] = bars.map(([t]) => [t, 50, 50, 50, 50] as const);
    const out = runBacktest(inputFor(definition, { A: a, B: bars }, { benchmark: 'B' }));
    // B bought at 102 on day 1; points value B at its close of the same instant.
    expect([...out.equity.equity]).toEqual([10_000, 8980 + 1025, 8980 + 1035, 8980 + 1010]);
    expect([...out.equity.benchmark]).toEqual([10_050, 10_250, 10_350, 10_100]); // 10 000 × close ÷ the first open, 100
    expect(out.metrics.benchmarkReturn).toBeCloseTo(0.01, 15);
  });

  it('gives identical output for identical input', () => {
    const closes = Array.from({ length: 400 }, (_, i) => 100 + 10 * Math.sin(i / 7) + (i % 5));
    const input = inputFor(smaCrossover, { X: dailyFromCloses(closes) }, { params: { fast: 5, slow: 20 }, benchmark: 'X' });
    const first = runBacktest(input);
    expect(first.trades.length).toBeGreaterThan(3);
    expect(runBacktest(input)).toEqual(first);
  });

  it('stops when onProgress returns false, with the bars done so far', () => {
    const n = 200_000;
    const rows: Row[] = Array.from({ length: n }, (_, i) => [D0 + i * 60_000, 10, 10, 10, 10] as const);
    const fractions: number[] = [];
    const out = runBacktest(inputFor(scripted({}), { X: rows }, { timeframe: '1m', onProgress: (f) => (fractions.push(f), fractions.length < 2) }));
    expect(fractions).toEqual([65_536 / n, 131_072 / n]);
    expect(out.bars).toBe(131_072);
  });
});
