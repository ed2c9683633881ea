import { describe, expect, it } from 'vitest';
import type { OrderDto } from '@shared/dto/trading';
import type { CommissionModel } from '@shared/dto/trading';
import type { StrategyOrder } from '../strategy/strategy-api';
import { runBacktest } from './engine';
import { D0, inputFor, scripted, type Row } from './test-support';
import { mulberry32 } from '../ports/random';

const MINUTE = 60_000;

/** Minute bars of a walk on the cent; highs and lows off the cent by float sums, volumes small enough to split fills. */
function walk(n: number, random: () => number): Row[] {
  const rows: Row[] = [];
  let price = 50;
  for (let i = 0; i < n; i += 1) {
    const open = price;
    const close = Math.max(0.05, Math.round((open + (random() - 0.5) * 0.6) * 100) / 100);
    const high = Math.max(open, close) + 0.01 * Math.floor(3 * random());
    const low = Math.max(0.01, Math.min(open, close) - 0.01 * Math.floor(3 * random()));
    rows.push([D0 + i * 9 * MINUTE, open, high, low, close, random() < 0.2 ? 0 : 1 + Math.floor(400 * random())]);
    price = close;
  }
  return rows;
}

/** A strategy of random orders, cancels and reads; everything it hears is logged. */
function randomTrader(seed: number, log: string[], exotic: boolean) {
  const random = mulberry32(seed);
  const sent: string[] = [];
  return scripted({
    onBar(ctx, bar) {
      log.push(`bar ${bar.time} cash ${ctx.portfolio.cash().toFixed()} pos ${ctx.portfolio.position('X').toFixed()} eq ${ctx.portfolio.equity().toFixed()}`);
      const r = random();
      if (r < 0.05 && sent.length > 0) ctx.orders.cancel(sent[Math.floor(random() * sent.length)]!);
      else if (r < 0.07) ctx.orders.cancelAll(random() < 0.5 ? 'X' : undefined);
      else if (r < 0.09) log.push(`open ${ctx.orders.open().map((o) => `${o.clientOrderId}:${o.status}:${o.filledQuantity}`).join(',')}`);
      if (random() > 0.45) return;
      const side = random() < 0.55 ? 'buy' : 'sell';
      const held = Number(ctx.portfolio.position('X').toFixed());
      const quantity = side === 'sell' && held > 0 && random() < 0.7 ? Math.ceil(held * random()) : 1 + Math.floor(random() * (random() < 0.1 ? 5000 : 300));
      const offset = Math.round((random() - 0.5) * 80) / 100;
      const limit = random() < 0.05 ? (bar.close + offset + 0.005).toFixed(3) : Math.max(0.01, bar.close + offset).toFixed(2);
      const order: StrategyOrder = random() < 0.5 ? { symbol: 'X', side, type: 'market', quantity: String(quantity) } : { symbol: 'X', side, type: 'limit', quantity: String(quantity), limitPrice: limit };
      if (random() < 0.3) order.timeInForce = 'gtc';
      if (exotic && random() < 0.01) order.timeInForce = 'ioc';
      if (random() < 0.02) order.quantity = `${quantity}.5`;
      sent.push(ctx.orders.submit(order));
    },
    onOrderUpdate(_ctx, order: OrderDto) {
      log.push(JSON.stringify(order));
    },
  });
}

function both(seed: number, commission: CommissionModel, exotic = false) {
  const bars = walk(1500, mulberry32(seed ^ 0x9e3779b9));
  const runs = [true, false].map((fastLane) => {
    const log: string[] = [];
    const input = inputFor(randomTrader(seed, log, exotic), { X: bars }, { timeframe: '1m', commission, benchmark: 'X' });
    return { output: runBacktest(input, { fastLane }), log };
  });
  return { fast: runs[0]!, venue: runs[1]! };
}

describe('the fast lane against the paper venue', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the same orders, updates, fills, cash and trades for random orders (seed %i)', (seed) => {
    const { fast, venue } = both(seed, seed % 2 === 0 ? { model: 'none' } : { model: 'per_order', amount: '1.005' });
    expect(venue.output.fills.length).toBeGreaterThan(50);
    expect(venue.output.trades.length).toBeGreaterThan(5);
    expect(venue.log.some((line) => line.includes('"status":"rejected"'))).toBe(true);
    expect(venue.log.some((line) => line.includes('"status":"partially_filled"'))).toBe(true);
    expect(venue.log.some((line) => line.includes('"status":"expired"'))).toBe(true);
    expect(fast.log).toEqual(venue.log);
    expect(fast.output).toEqual(venue.output);
  });

  it('hands its working orders to the venue mid-run when an order it does not take arrives, with the same results', () => {
    const { fast, venue } = both(7, { model: 'per_order', amount: '0.5' }, true);
    expect(venue.log.some((line) => line.includes('"timeInForce":"ioc"'))).toBe(true);
    expect(fast.log).toEqual(venue.log);
    expect(fast.output).toEqual(venue.output);
  });
});
