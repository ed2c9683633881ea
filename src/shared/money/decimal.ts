import DecimalJs from 'decimal.js';

/**
 * The one configured Decimal for money, prices and quantities. 40 significant digits hold
 * any price × quantity a trader meets without rounding; half-even is the accounting default.
 * Floats never enter here except through `fromFloat`, which rounds to a tick first.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;
export type DecimalValue = DecimalJs.Value;

declare const dimension: unique symbol;
/** Price per unit of an instrument, in its quote currency. */
export type Price = Decimal & { readonly [dimension]: 'price' };
/** Units of an instrument (shares, coins); signed where a position can be short. */
export type Quantity = Decimal & { readonly [dimension]: 'quantity' };
/** An amount of the account currency: cash, notional, commission, P&L. */
export type Money = Decimal & { readonly [dimension]: 'money' };

export const price = (value: DecimalValue): Price => new Decimal(value) as Price;
export const quantity = (value: DecimalValue): Quantity => new Decimal(value) as Quantity;
export const money = (value: DecimalValue): Money => new Decimal(value) as Money;

export const ZERO = new Decimal(0);

/** Quantity × price: the only way a price and a quantity make money. */
export function notional(qty: Quantity, px: Price): Money {
  return qty.abs().times(px) as Money;
}

export function sumMoney(values: readonly Money[]): Money {
  return values.reduce<Decimal>((total, value) => total.plus(value), ZERO) as Money;
}

/** Money rounded for display and statements (cents for USD); the books keep full precision. */
export function toCents(value: Money): Money {
  return value.toDecimalPlaces(2, DecimalJs.ROUND_HALF_EVEN) as Money;
}

/** A float from the market-data path, rounded to the instrument's tick (half-even). */
export function fromFloat(value: number, tick: Decimal): Price {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite price: ${value}`);
  const raw = new Decimal(value);
  return raw.dividedBy(tick).toDecimalPlaces(0, DecimalJs.ROUND_HALF_EVEN).times(tick) as Price;
}

/** Canonical wire/TEXT form: plain digits, no exponent, no trailing zeros. */
export function toDecimalString(value: Decimal): string {
  const rounded = value.decimalPlaces() > 18 ? value.toDecimalPlaces(18) : value;
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/** Parses a canonical decimal string from the wire or the database; throws on anything else. */
export function parseDecimal(text: string): Decimal {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`Not a decimal: "${text}"`);
  return new Decimal(text);
}
