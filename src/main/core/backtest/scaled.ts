import { Decimal } from '@shared/money/decimal';

/**
 * Scaled integers for the backtest's fast lane: a price in ticks of 10^-k, cash in units of
 * 10^-k, held in float64 and exact while |value| ≤ SAFE. Every conversion here is exact or
 * says it cannot be (null), so the caller can take the decimal path instead.
 */

/** Below 2^52: sums and differences of two such values stay exact integers. */
export const SAFE = 2 ** 52;
/** Price places the fast lane takes (a tick of 10^-k, k ≤ MAX_PLACES). */
export const MAX_PLACES = 9;
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** k when `value` is exactly 10^-k with 0 ≤ k ≤ MAX_PLACES; null for any other value (0.05, 10). */
export function tenthPlaces(value: Decimal): number | null {
  const k = value.decimalPlaces();
  return k <= MAX_PLACES && value.equals(new Decimal(10).pow(-k)) ? k : null;
}

/** A non-negative decimal string (the schema's digits) in units of 10^-k; null when not whole units or not safe. */
export function parseUnits(text: string, k: number): number | null {
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end -= 1;
  if (end > k || !/^\d+$/.test(whole)) return null;
  fraction = fraction.slice(0, end).padEnd(k, '0');
  const units = Number(whole + fraction);
  return units <= SAFE ? units : null;
}

/** Units of 10^-k in toDecimalString's form: plain digits, no trailing zeros, '0' for zero. */
export function formatUnits(units: number, k: number): string {
  if (units === 0) return '0';
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  if (k === 0) return sign + String(abs);
  const scale = POW10[k]!;
  const whole = Math.floor(abs / scale); // exact below 2^53: a quotient short of an integer stays short of it
  let fraction = abs - whole * scale;
  if (fraction === 0) return sign + String(whole);
  let places = k;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places -= 1;
  }
  return `${sign}${whole}.${String(fraction).padStart(places, '0')}`;
}

/** Units of 10^-k as a Decimal. */
export function unitsToDecimal(units: number, k: number): Decimal {
  return new Decimal(formatUnits(units, k));
}

/**
 * fromFloat(value, 10^-k) in ticks (half-even on the double's shortest decimal form, which is
 * what decimal.js reads), when floats prove it: below 2^40 ticks the product value × 10^k is
 * within 3e-4 of that decimal × 10^k, so a product within 0.49 of an integer r rounds to r
 * however the tie rule reads. null otherwise (near a half tick, too large, not finite).
 */
export function floatToTicks(value: number, k: number): number | null {
  const scaled = value * POW10[k]!;
  const r = Math.round(scaled);
  return Math.abs(scaled - r) < 0.49 && Math.abs(r) <= TICKS_LIMIT ? r : null;
}
const TICKS_LIMIT = 2 ** 40;

/** A decimal that is a whole number of 10^-k units, as units; null when it is not or is not safe. */
export function decimalToUnits(value: Decimal, k: number): number | null {
  const scaled = value.times(POW10[k]!);
  if (!scaled.isInteger() || scaled.abs().greaterThan(SAFE)) return null;
  return scaled.toNumber();
}

/** a × b when the product is a safe integer, else null. */
export function safeProduct(a: number, b: number): number | null {
  const product = a * b;
  return Math.abs(product) <= SAFE ? product : null;
}
