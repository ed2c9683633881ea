import type { OrderSide } from '@shared/dto/trading';
import { Decimal, type Money, type Price, type Quantity } from '@shared/money/decimal';

/** Cost taken out on a partial reduce keeps ten places; a full close takes whatever is left. */
const COST_PLACES = 10;
const ZERO = new Decimal(0);

/** What the rest of the engine may read of a position (the ledger alone changes it). */
export interface PositionView {
  readonly symbol: string;
  /** Signed: negative is short. */
  readonly quantity: Quantity;
  /** Signed: quantity × average cost, so negative for a short. */
  readonly costBasis: Money;
  /** Gross of commissions (the ledger counts those). */
  readonly realizedPnl: Money;
  isFlat(): boolean;
  averageCost(): Price | null;
  marketValue(mark: Price): Money;
  unrealizedPnl(mark: Price): Money;
}

/** One symbol's holding on average cost. */
export class Position implements PositionView {
  private qty: Decimal = ZERO;
  private cost: Decimal = ZERO;
  private realized: Decimal = ZERO;

  constructor(readonly symbol: string) {}

  get quantity(): Quantity {
    return this.qty as Quantity;
  }

  get costBasis(): Money {
    return this.cost as Money;
  }

  get realizedPnl(): Money {
    return this.realized as Money;
  }

  isFlat(): boolean {
    return this.qty.isZero();
  }

  averageCost(): Price | null {
    return this.qty.isZero() ? null : (this.cost.dividedBy(this.qty) as Price);
  }

  marketValue(mark: Price): Money {
    return this.qty.times(mark) as Money;
  }

  unrealizedPnl(mark: Price): Money {
    return this.qty.times(mark).minus(this.cost) as Money;
  }

  /** Books one fill; returns the P&L it realized (zero when it only adds). */
  applyFill(side: OrderSide, qty: Quantity, price: Price): Money {
    if (!qty.isFinite() || qty.lessThanOrEqualTo(0)) throw new RangeError(`A fill quantity must be positive, got ${qty.toString()}`);
    if (!price.isFinite()) throw new RangeError(`A fill price must be finite, got ${price.toString()}`);
    const signed = side === 'buy' ? qty : qty.negated();
    if (this.qty.isZero() || this.qty.isNegative() === signed.isNegative()) {
      this.open(signed, price);
      return ZERO as Money;
    }
    const held = this.qty.abs();
    const closed = Decimal.min(qty, held);
    const realized = this.reduce(closed, held, price);
    const rest = qty.minus(closed);
    // A flip: the part beyond the old position opens a new one at the same price.
    if (rest.greaterThan(0)) this.open(side === 'buy' ? rest : rest.negated(), price);
    return realized as Money;
  }

  private open(signed: Decimal, price: Price): void {
    this.qty = this.qty.plus(signed);
    this.cost = this.cost.plus(signed.times(price));
  }

  private reduce(closed: Decimal, held: Decimal, price: Price): Decimal {
    const direction = this.qty.isNegative() ? -1 : 1;
    // Closing fully takes the whole basis, so no rounding residue outlives the position.
    const removed = closed.equals(held)
      ? this.cost
      : this.cost.times(closed).dividedBy(held).toDecimalPlaces(COST_PLACES, Decimal.ROUND_HALF_EVEN);
    const realized = closed.times(price).times(direction).minus(removed);
    this.qty = this.qty.minus(closed.times(direction));
    this.cost = closed.equals(held) ? ZERO : this.cost.minus(removed);
    this.realized = this.realized.plus(realized);
    return realized;
  }
}
