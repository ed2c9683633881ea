import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Fill } from '../trading/model/fill';
import { sideSign } from '../trading/model/order';
import { TickPrices } from './tick-prices';

const ZERO = new Decimal(0);

/**
 * The backtest's books: cash and positions in decimals, touched only by fills, with float
 * shadows (converted from the decimals after each fill, so they never drift) for the per-bar
 * equity curve. A cash account with immediate settlement: sale proceeds are available at once
 * (no T+1 in backtests). Fills are never refused for cash here; buying power is checked when
 * an order is submitted, as on the paper account.
 */
export class SimAccount {
  cash: Money;
  cashF: number;
  readonly initialCashF: number;
  readonly quantities: Quantity[];
  readonly quantitiesF: Float64Array;
  /** The last close per symbol (NaN before its first bar). */
  readonly lastClose: Float64Array;
  readonly fills: Fill[] = [];
  /** Σ |quantity × price| of every fill, for turnover (a statistic: float). */
  tradedValue = 0;

  /** Per symbol: floats to prices on its tick. */
  readonly prices: readonly TickPrices[];

  constructor(
    readonly symbols: readonly string[],
    ticks: readonly Decimal[],
    initialCash: Money,
  ) {
    this.prices = ticks.map((tick) => new TickPrices(tick));
    this.cash = initialCash;
    this.cashF = initialCash.toNumber();
    this.initialCashF = this.cashF;
    this.quantities = symbols.map(() => ZERO as Quantity);
    this.quantitiesF = new Float64Array(symbols.length);
    this.lastClose = new Float64Array(symbols.length).fill(Number.NaN);
  }

  applyFill(index: number, fill: Fill): void {
    // The same sums as position += q × sign and cash −= q × sign × price, one product fewer.
    const buy = sideSign(fill.side) > 0;
    const held = this.quantities[index]!;
    const next = (buy ? held.plus(fill.quantity) : held.minus(fill.quantity)) as Quantity;
    this.quantities[index] = next;
    this.quantitiesF[index] = next.toNumber();
    const value = fill.quantity.times(fill.price);
    const cash = buy ? this.cash.minus(value) : this.cash.plus(value);
    this.cash = (fill.commission.isZero() ? cash : cash.minus(fill.commission)) as Money;
    this.cashF = this.cash.toNumber();
    this.tradedValue += value.toNumber();
    this.fills.push(fill);
  }

  /** The last close on the tick; null before the symbol's first bar (or for an unknown index). */
  lastPrice(index: number): Price | null {
    const close = this.lastClose[index];
    return close !== undefined && Number.isFinite(close) ? this.prices[index]!.of(close) : null;
  }

  /** Cash plus every position at its last close (float). */
  equityF(): number {
    let equity = this.cashF;
    for (let k = 0; k < this.quantitiesF.length; k += 1) {
      const held = this.quantitiesF[k]!;
      if (held !== 0) equity += held * this.lastClose[k]!;
    }
    return equity;
  }

  /** Cash plus every position at its last close rounded to the tick: exact. */
  equity(): Money {
    let equity: Decimal = this.cash;
    for (let k = 0; k < this.quantities.length; k += 1) {
      const held = this.quantities[k]!;
      const close = this.lastClose[k]!;
      if (!held.isZero() && Number.isFinite(close)) equity = equity.plus(held.times(this.prices[k]!.of(close)));
    }
    return equity as Money;
  }

  /** Σ |quantity × last close| (decimal), for the risk context. */
  grossExposure(): Money {
    let gross: Decimal = ZERO;
    for (let k = 0; k < this.quantities.length; k += 1) {
      const held = this.quantities[k]!;
      const close = this.lastClose[k]!;
      if (!held.isZero() && Number.isFinite(close)) gross = gross.plus(held.abs().times(this.prices[k]!.of(close)));
    }
    return gross as Money;
  }

  openSymbols(): Set<string> {
    const open = new Set<string>();
    for (let k = 0; k < this.quantities.length; k += 1) if (!this.quantities[k]!.isZero()) open.add(this.symbols[k]!);
    return open;
  }

  /** True when any position is open (for exposure). */
  holdsAny(): boolean {
    for (let k = 0; k < this.quantitiesF.length; k += 1) if (this.quantitiesF[k] !== 0) return true;
    return false;
  }
}
