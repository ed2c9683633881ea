import { Decimal, type Money, type Price } from '@shared/money/decimal';
import type { Fill } from '../model/fill';
import { sideSign } from '../model/order';
import { Position, type PositionView } from './position';

export interface LedgerOptions {
  currency: 'USD';
  /** 1 = a cash account (buys with settled cash only); 2 or 4 = margin. */
  marginMultiplier: Decimal;
  /** The exchange trading day ('YYYY-MM-DD') of an instant. */
  tradingDayOf: (timeMs: number) => string;
  /**
   * 'T+1' (default): US equity settlement, sale proceeds are spendable the next trading day.
   * 'immediate': proceeds at once — backtests, whose strategies assume it, and parity runs.
   */
  settlement?: 'T+1' | 'immediate';
}

export interface Mark {
  price: Price;
  time: number;
}

export interface CashMovement {
  amount: Money;
  time: number;
}

const ZERO = new Decimal(0);

/**
 * The account: cash, positions, marks, settlement and the day's starting equity, rebuilt
 * from deposits and fills. Commissions come out of cash as they are paid; a position's
 * realized P&L is gross, the account's is net.
 */
export class Ledger {
  readonly currency: 'USD';
  private multiplier: Decimal;
  private readonly tradingDayOf: (timeMs: number) => string;
  private cashBalance: Decimal = ZERO;
  private readonly proceeds = new UnsettledProceeds();
  private readonly settleAtOnce: boolean;
  private commissionsPaid: Decimal = ZERO;
  private readonly book = new Map<string, Position>();
  private readonly marks = new Map<string, Mark>();
  private readonly movements: CashMovement[] = [];
  private day: string | null = null;
  private dayStart: Decimal | null = null;

  constructor(options: LedgerOptions) {
    this.currency = options.currency;
    this.multiplier = options.marginMultiplier;
    this.tradingDayOf = options.tradingDayOf;
    this.settleAtOnce = options.settlement === 'immediate';
  }

  // --- changes ----------------------------------------------------------------------------

  /** Cash in (or out, when negative). Not P&L: the day's starting equity moves with it. */
  deposit(amount: Money, time: number): void {
    this.movements.push({ amount, time });
    if (amount.isNegative()) this.spend(amount.negated(), this.tradingDayOf(time));
    this.cashBalance = this.cashBalance.plus(amount);
    if (this.dayStart !== null) this.dayStart = this.dayStart.plus(amount);
  }

  applyFill(fill: Fill): void {
    const day = this.tradingDayOf(fill.time);
    const flow = fill.quantity.times(fill.price).times(-sideSign(fill.side)).minus(fill.commission);
    // Sale proceeds settle T+1; a purchase takes settled cash first, then the oldest proceeds.
    if (flow.isPositive()) {
      if (!this.settleAtOnce) this.proceeds.add(day, flow);
    }
    else this.spend(flow.negated(), day);
    this.cashBalance = this.cashBalance.plus(flow);
    this.commissionsPaid = this.commissionsPaid.plus(fill.commission);
    this.positionOf(fill.symbol).applyFill(fill.side, fill.quantity, fill.price);
  }

  /** The last price of a symbol; an older mark than the one held is ignored. */
  mark(symbol: string, price: Price, time: number): void {
    const held = this.marks.get(symbol);
    if (held && held.time > time) return;
    this.marks.set(symbol, { price, time });
  }

  /** Starts a new day's P&L when `time` falls on a later trading day than the last one seen. */
  rollDay(time: number): void {
    const day = this.tradingDayOf(time);
    if (day === this.day) return;
    this.day = day;
    this.dayStart = this.equity();
  }

  /** 1 for a cash account; 2 or 4 on margin. Changing it takes effect on the next order. */
  get marginMultiplier(): Decimal {
    return this.multiplier;
  }

  setMarginMultiplier(multiplier: Decimal): void {
    this.multiplier = multiplier;
  }

  /** After a restart: the day and the equity it began with, as stored before the restart. */
  restoreDay(day: string, startEquity: Money): void {
    this.day = day;
    this.dayStart = startEquity;
  }

  // --- cash -------------------------------------------------------------------------------

  cash(): Money {
    return this.cashBalance as Money;
  }

  /** Cash less the sale proceeds that have not settled by `now`'s trading day. */
  settledCash(now: number): Money {
    return this.cashBalance.minus(this.proceeds.pendingOn(this.tradingDayOf(now))) as Money;
  }

  buyingPower(reserved: Money, now: number): Money {
    const available = this.marginMultiplier.lessThanOrEqualTo(1)
      ? this.settledCash(now).minus(reserved)
      : this.equity().times(this.marginMultiplier).minus(this.grossExposure()).minus(reserved);
    return Decimal.max(ZERO, available) as Money;
  }

  cashMovementCount(): number {
    return this.movements.length;
  }

  cashMovements(): readonly CashMovement[] {
    return this.movements;
  }

  commissions(): Money {
    return this.commissionsPaid as Money;
  }

  // --- valuation --------------------------------------------------------------------------

  equity(): Money {
    return this.cashBalance.plus(this.sumValues(() => true)) as Money;
  }

  longMarketValue(): Money {
    return this.sumValues((position) => position.quantity.isPositive()) as Money;
  }

  /** Zero or negative. */
  shortMarketValue(): Money {
    return this.sumValues((position) => position.quantity.isNegative()) as Money;
  }

  grossExposure(): Money {
    let total = ZERO;
    for (const position of this.book.values()) total = total.plus(this.valueOf(position).abs());
    return total as Money;
  }

  /** Net of every commission paid. */
  realizedPnl(): Money {
    let total = ZERO;
    for (const position of this.book.values()) total = total.plus(position.realizedPnl);
    return total.minus(this.commissionsPaid) as Money;
  }

  /** Positions without a mark count as unchanged. */
  unrealizedPnl(): Money {
    let total = ZERO;
    for (const position of this.book.values()) {
      const mark = this.marks.get(position.symbol);
      if (mark && !position.isFlat()) total = total.plus(position.unrealizedPnl(mark.price));
    }
    return total as Money;
  }

  dayPnl(): Money {
    return this.dayStart === null ? (ZERO as Money) : (this.equity().minus(this.dayStart) as Money);
  }

  /** Equity when the current trading day began (equity now before the first `rollDay`). */
  dayStartEquity(): Money {
    return (this.dayStart ?? this.equity()) as Money;
  }

  /** Value at the mark, or at cost before the first mark, so a fill never makes equity jump. */
  valueOf(position: PositionView): Money {
    const mark = this.marks.get(position.symbol);
    return mark ? position.marketValue(mark.price) : position.costBasis;
  }

  lastMark(symbol: string): Mark | null {
    return this.marks.get(symbol) ?? null;
  }

  // --- positions --------------------------------------------------------------------------

  /** The symbol's position, flat or not, once it has traded; null before. */
  position(symbol: string): PositionView | null {
    return this.book.get(symbol) ?? null;
  }

  /** Open positions only, by symbol. */
  positions(): PositionView[] {
    return this.allPositions().filter((position) => !position.isFlat());
  }

  /** Every symbol ever traded, flat ones included (they keep their realized P&L). */
  allPositions(): PositionView[] {
    return [...this.book.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  }

  openPositionSymbols(): ReadonlySet<string> {
    return new Set(this.positions().map((position) => position.symbol));
  }

  // --- internals --------------------------------------------------------------------------

  private positionOf(symbol: string): Position {
    let position = this.book.get(symbol);
    if (!position) {
      position = new Position(symbol);
      this.book.set(symbol, position);
    }
    return position;
  }

  /** Takes an outflow from settled cash first; only the shortfall eats unsettled proceeds. */
  private spend(amount: Decimal, day: string): void {
    const settled = this.cashBalance.minus(this.proceeds.pendingOn(day));
    const shortfall = amount.minus(Decimal.max(ZERO, settled));
    if (shortfall.isPositive()) this.proceeds.consume(shortfall, day);
  }

  private sumValues(include: (position: PositionView) => boolean): Decimal {
    let total = ZERO;
    for (const position of this.book.values()) if (include(position)) total = total.plus(this.valueOf(position));
    return total;
  }
}

/** Sale proceeds by the trading day of the sale: unsettled on that day, settled on any later one. */
class UnsettledProceeds {
  /** Oldest first. */
  private buckets: { day: string; amount: Decimal }[] = [];

  add(day: string, amount: Decimal): void {
    this.buckets = this.buckets.filter((bucket) => bucket.day >= day);
    const last = this.buckets.at(-1);
    if (last && last.day === day) last.amount = last.amount.plus(amount);
    else this.buckets.push({ day, amount });
  }

  /** What is still unsettled on `day` (ISO dates compare as text). */
  pendingOn(day: string): Decimal {
    let total = ZERO;
    for (const bucket of this.buckets) if (bucket.day >= day) total = total.plus(bucket.amount);
    return total;
  }

  /** Spends proceeds still unsettled on `day`, soonest-settling first (the conservative order). */
  consume(amount: Decimal, day: string): void {
    // Proceeds of earlier days have settled: they are plain cash now.
    this.buckets = this.buckets.filter((bucket) => bucket.day >= day);
    let left = amount;
    for (const bucket of this.buckets) {
      if (!left.isPositive()) break;
      const taken = Decimal.min(left, bucket.amount);
      bucket.amount = bucket.amount.minus(taken);
      left = left.minus(taken);
    }
    this.buckets = this.buckets.filter((bucket) => bucket.amount.isPositive());
  }
}
