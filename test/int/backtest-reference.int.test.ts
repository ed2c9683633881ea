// The backtester against an independent reference on real daily data: SMA crossover on AAPL
// 2004–2018 (Yahoo), computed a second time here by a plain loop over the closes with the
// same written convention, cash in decimal.js. Trades, quantities, prices and the final
// equity must agree exactly; the metrics must be what the reference's numbers give.
import Big from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, money } from '@shared/money/decimal';
import { runBacktest } from '../../src/main/core/backtest/engine';
import type { BarColumns } from '../../src/main/core/market-data/types';
import { smaCrossover } from '../../src/main/core/strategy/builtin/sma-crossover';
import { resolveStrategyParams } from '../../src/main/core/strategy/params';
import { readAaplDaily } from '../support/shared-data';

const INITIAL = '100000';
/** The file's own precision (split-adjusted prices with six decimals), so a close is a price on the tick. */
const TICK = '0.000001';

interface RefTrade {
  entryTime: number;
  exitTime: number;
  quantity: string;
  entryPrice: string;
  exitPrice: string;
  pnl: string;
}

/**
 * The convention, independently: SMA by a fresh sum per window; a cross is a change of sign
 * of fast − slow from its last non-zero value; on a cross up when flat, buy floor(cash ÷ the
 * signal close) at the next bar's open (on the tick, half-even); on a cross down,
 * sell everything at the next open. Final equity = cash + shares × last close (on the tick).
 */
function reference(bars: BarColumns, fast: number, slow: number): { trades: RefTrade[]; finalEquity: Big } {
  const Dec = Big.clone({ precision: 40, rounding: Big.ROUND_HALF_EVEN });
  const onTick = (x: number) => new Dec(x).toDecimalPlaces(6, Dec.ROUND_HALF_EVEN);
  const mean = (i: number, n: number) => {
    let sum = 0;
    for (let j = i - n + 1; j <= i; j += 1) sum += bars.close[j]!;
    return sum / n;
  };
  let cash = new Dec(INITIAL);
  let shares = new Dec(0);
  let lastSign = 0;
  let pending: 'buy' | 'sell' | null = null;
  let pendingQty = new Dec(0);
  let open: { time: number; price: Big; qty: Big } | null = null;
  const trades: RefTrade[] = [];
  for (let i = 0; i < bars.length; i += 1) {
    if (pending) {
      const px = onTick(bars.open[i]!);
      if (pending === 'buy') {
        cash = cash.minus(pendingQty.times(px));
        shares = pendingQty;
        open = { time: bars.time[i]!, price: px, qty: pendingQty };
      } else if (open) {
        cash = cash.plus(shares.times(px));
        const pnl = px.minus(open.price).times(open.qty);
        trades.push({ entryTime: open.time, exitTime: bars.time[i]!, quantity: open.qty.toFixed(), entryPrice: open.price.toFixed(), exitPrice: px.toFixed(), pnl: pnl.toFixed() });
        shares = new Dec(0);
        open = null;
      }
      pending = null;
    }
    if (i < slow - 1) continue;
    const diff = mean(i, fast) - mean(i, slow);
    const sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
    if (sign === 0 || sign === lastSign) continue;
    const crossed = lastSign !== 0;
    lastSign = sign;
    if (!crossed) continue;
    if (sign > 0 && shares.isZero()) {
      pendingQty = cash.dividedBy(new Dec(bars.close[i]!)).floor();
      if (pendingQty.greaterThan(0)) pending = 'buy';
    } else if (sign < 0 && shares.greaterThan(0)) pending = 'sell';
  }
  return { trades, finalEquity: cash.plus(shares.times(onTick(bars.close[bars.length - 1]!))) };
}

const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('backtest reference: SMA crossover on AAPL daily 2004–2018', () => {
  const bars = readAaplDaily();

  it.each([
    [10, 30],
    [20, 50],
    [50, 200],
  ])('matches the plain-loop reference exactly for fast %i, slow %i', (fast, slow) => {
    const resolved = resolveStrategyParams(smaCrossover, { fast, slow });
    if (!resolved.ok) throw new Error(resolved.errors.join('; '));
    const out = runBacktest({
      definition: smaCrossover,
      params: resolved.params,
      series: [{ symbol: 'AAPL', bars }],
      timeframe: '1d',
      from: null,
      initialCash: money(INITIAL),
      slippage: { model: 'none' },
      commission: { model: 'none' },
      instrument: (symbol) => ({ symbol, tickSize: new Decimal(TICK), lotSize: new Decimal(1), assetClass: 'stock', alwaysOpen: false }),
      benchmark: 'AAPL',
      tradingDayOf: utcDay,
    });
    const ref = reference(bars, fast, slow);
    expect(ref.trades.length).toBeGreaterThan(3);
    expect(out.trades.map(({ entryTime, exitTime, quantity, entryPrice, exitPrice, pnl }) => ({ entryTime, exitTime, quantity, entryPrice, exitPrice, pnl }))).toEqual(ref.trades);
    expect(out.metrics.finalEquity).toBe(ref.finalEquity.toFixed());

    const wins = ref.trades.filter((t) => new Big(t.pnl).greaterThan(0)).length;
    expect(out.metrics.tradeCount).toBe(ref.trades.length);
    expect(out.metrics.winRate).toBe(wins / ref.trades.length);
    expect(out.metrics.totalReturn).toBeCloseTo(ref.finalEquity.dividedBy(INITIAL).minus(1).toNumber(), 12);
    expect(out.metrics.endEquity).toBeCloseTo(ref.finalEquity.toNumber(), 6);
    expect(out.bars).toBe(bars.length);
    const first = bars.open[0]!;
    expect(out.metrics.benchmarkReturn).toBeCloseTo(bars.close[bars.length - 1]! / first - 1, 12);
  });

  it('refuses fast ≥ slow as a parameter error', () => {
    expect(resolveStrategyParams(smaCrossover, { fast: 30, slow: 30 })).toEqual({ ok: false, errors: ['fast (30) must be below slow (30)'] });
  });
});
