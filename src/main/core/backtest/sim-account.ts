import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';
import type { Fill } from '../trading/model/fill';
import type { InstrumentSpec } from '../trading/model/instrument-spec';
import { FillLog, fillOf, type FillRecord } from './fill-log';
import * as scaled from './scaled';
import { TickPrices } from './tick-prices';

// Module-local copies of the bindings: read once, not through the import on every use (under a
// CommonJS transform, as tsx runs the bench, each read of an imported binding is a getter call).
const { decimalToUnits, POW10, SAFE, tenthPlaces, unitsToDecimal } = scaled;

const ZERO = new Decimal(0);

/**
 * The backtest's books: cash and positions, touched only by fills, with float shadows for the
 * per-bar equity curve. A cash account with immediate settlement: sale proceeds are available
 * at once (no T+1 in backtests). Fills are never refused for cash here; buying power is checked
 * when an order is submitted, as on the paper account.
 *
 * Two exact representations. While every tick is 10^-a, every lot is 1 and every amount fits,
 * the books are scaled integers (`exact`): cash in units of 10^-cashPlaces, positions in units,
 * fills in a FillLog; decimals are made only when read (and kept until the next fill). The
 * first fill that does not fit turns the books into decimals for the rest of the run. The
 * float shadows are the decimals' toNumber() in both (an integer ÷ 10^k is that, correctly
 * rounded), so they never drift.
 */
export class SimAccount {
  exact: boolean;
  /** Cash units are 10^-cashPlaces: enough places for cents and every symbol's tick. */
  readonly cashPlaces: number;
  /** Per symbol: k for its tick of 10^-k (null: not exact). */
  readonly tickPlaces: readonly (number | null)[];
  cashF: number;
  readonly initialCashF: number;
  readonly quantitiesF: Float64Array;
  /** The last close per symbol (NaN before its first bar). */
  readonly lastClose: Float64Array;
  /** Σ |quantity × price| of every fill, for turnover (a statistic: float). */
  tradedValue = 0;
  /** Per symbol: floats to prices on its tick. */
  readonly prices: readonly TickPrices[];
  /** The fills while exact, in order. */
  readonly log = new FillLog();

  private cashUnits = 0;
  private cashDecimal: Money | null;
  private readonly quantityDecimals: (Quantity | null)[];
  private readonly decimalFills: Fill[] = [];

  constructor(
    readonly symbols: readonly string[],
    specs: readonly Pick<InstrumentSpec, 'tickSize' | 'lotSize'>[],
    initialCash: Money,
  ) {
    this.prices = specs.map((spec) => new TickPrices(spec.tickSize));
    this.tickPlaces = specs.map((spec) => (spec.lotSize.equals(1) ? tenthPlaces(spec.tickSize) : null));
    this.cashPlaces = Math.max(2, ...this.tickPlaces.map((k) => k ?? 0));
    const units = decimalToUnits(initialCash, this.cashPlaces);
    this.exact = units !== null && this.tickPlaces.every((k) => k !== null);
    this.cashUnits = units ?? 0;
    this.cashDecimal = initialCash;
    this.cashF = initialCash.toNumber();
    this.initialCashF = this.cashF;
    this.quantityDecimals = symbols.map(() => ZERO as Quantity);
    this.quantitiesF = new Float64Array(symbols.length);
    this.lastClose = new Float64Array(symbols.length).fill(Number.NaN);
  }

  get cash(): Money {
    this.cashDecimal ??= unitsToDecimal(this.cashUnits, this.cashPlaces) as Money;
    return this.cashDecimal;
  }

  /** Cash in units of 10^-cashPlaces (exact books only). */
  get cashInUnits(): number {
    return this.cashUnits;
  }

  /** The signed quantity held (ZERO for an unknown index). */
  quantity(index: number): Quantity {
    const known = this.quantityDecimals[index];
    if (known !== null) return known ?? (ZERO as Quantity);
    const made = new Decimal(this.quantitiesF[index]!) as Quantity;
    this.quantityDecimals[index] = made;
    return made;
  }

  /** A fill in units (exact books). Turns the books into decimals first when it does not fit. */
  applyUnits(fill: FillRecord): void {
    const { index, units, ticks, commission } = fill;
    const buy = fill.side === 'buy';
    const k = this.tickPlaces[index]!;
    const value = units * ticks * POW10[this.cashPlaces - k]!;
    const cash = buy ? this.cashUnits - value - commission : this.cashUnits + value - commission;
    const held = this.quantitiesF[index]! + (buy ? units : -units);
    if (!this.exact || !(Math.abs(value) <= SAFE && Math.abs(cash) <= SAFE && Math.abs(held) <= SAFE)) {
      if (this.exact) this.toDecimals();
      this.applyFill(index, fillOf(fill, k, this.cashPlaces));
      return;
    }
    this.cashUnits = cash;
    this.cashDecimal = null;
    this.cashF = cash / POW10[this.cashPlaces]!;
    this.quantitiesF[index] = held;
    this.quantityDecimals[index] = held === 0 ? (ZERO as Quantity) : null;
    this.tradedValue += (units * ticks) / POW10[k]!;
    this.log.push(fill);
  }

  /** A fill in decimals: kept in units while they fit, else in decimals from here on. */
  applyFill(index: number, fill: Fill): void {
    if (this.exact) {
      const k = this.tickPlaces[index]!;
      const units = decimalToUnits(fill.quantity, 0);
      const ticks = decimalToUnits(fill.price, k);
      const commission = decimalToUnits(fill.commission, this.cashPlaces);
      if (units !== null && ticks !== null && commission !== null) {
        this.applyUnits({ id: fill.id, orderId: fill.orderId, clientOrderId: fill.clientOrderId, symbol: fill.symbol, side: fill.side, index, units, ticks, commission, time: fill.time });
        return;
      }
      this.toDecimals();
    }
    // The same sums as position += q × sign and cash −= q × sign × price, one product fewer.
    const buy = fill.side === 'buy';
    const held = this.quantity(index);
    const next = (buy ? held.plus(fill.quantity) : held.minus(fill.quantity)) as Quantity;
    this.quantityDecimals[index] = next;
    this.quantitiesF[index] = next.toNumber();
    const value = fill.quantity.times(fill.price);
    const cash = buy ? this.cash.minus(value) : this.cash.plus(value);
    this.cashDecimal = (fill.commission.isZero() ? cash : cash.minus(fill.commission)) as Money;
    this.cashF = this.cashDecimal.toNumber();
    this.tradedValue += value.toNumber();
    this.decimalFills.push(fill);
  }

  /** Every fill in order, as decimals. */
  get fills(): readonly Fill[] {
    if (!this.exact) return this.decimalFills;
    const fills: Fill[] = [];
    for (let i = 0; i < this.log.length; i += 1) {
      const record = this.log.record(i);
      fills.push(fillOf(record, this.tickPlaces[record.index]!, this.cashPlaces));
    }
    return fills;
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
    for (let k = 0; k < this.symbols.length; k += 1) {
      const held = this.quantity(k);
      const close = this.lastClose[k]!;
      if (!held.isZero() && Number.isFinite(close)) equity = equity.plus(held.times(this.prices[k]!.of(close)));
    }
    return equity as Money;
  }

  /** Σ |quantity × last close| (decimal), for the risk context. */
  grossExposure(): Money {
    let gross: Decimal = ZERO;
    for (let k = 0; k < this.symbols.length; k += 1) {
      const held = this.quantity(k);
      const close = this.lastClose[k]!;
      if (!held.isZero() && Number.isFinite(close)) gross = gross.plus(held.abs().times(this.prices[k]!.of(close)));
    }
    return gross as Money;
  }

  openSymbols(): Set<string> {
    const open = new Set<string>();
    for (let k = 0; k < this.symbols.length; k += 1) if (this.quantitiesF[k] !== 0) open.add(this.symbols[k]!);
    return open;
  }

  /** True when any position is open (for exposure). */
  holdsAny(): boolean {
    for (let k = 0; k < this.quantitiesF.length; k += 1) if (this.quantitiesF[k] !== 0) return true;
    return false;
  }

  private toDecimals(): void {
    for (const fill of this.fills) this.decimalFills.push(fill);
    for (let k = 0; k < this.symbols.length; k += 1) this.quantity(k);
    this.cashDecimal = this.cash;
    this.exact = false;
  }
}
