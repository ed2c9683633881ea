import { Decimal } from '@shared/money/decimal';

/**
 * Display of the engine's decimal strings. Money, prices and quantities stay decimals all the
 * way to the text (half-even rounding, like the books); only statistics arrive as floats.
 */

const DASH = '—';

export type Sign = 'up' | 'down' | 'flat';

function parse(text: string): Decimal | null {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return new Decimal(text);
}

/** "1234567.5" → "1,234,567.5": commas in the integer part of a plain decimal string. */
function group(plain: string): string {
  const negative = plain.startsWith('-');
  const [whole = '0', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A value rounded to `places` without a "-0.00". */
function fixed(value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(places);
}

/** Money with two decimals and grouped thousands: "-1234.567" → "-1,234.57". */
export function formatMoney(text: string | null | undefined): string {
  if (text === null || text === undefined) return DASH;
  const value = parse(text);
  return value ? group(fixed(value, 2)) : text;
}

/** P&L: money with an explicit sign when it is not zero: "+49.00", "-1.50", "0.00". */
export function formatPnl(text: string | null | undefined): string {
  const shown = formatMoney(text);
  return signOf(text) === 'up' ? `+${shown}` : shown;
}

/** A price with at least two decimals and as many more as it carries: "12.5" → "12.50", "0.00012" → "0.00012". */
export function formatPrice(text: string | null | undefined): string {
  if (text === null || text === undefined) return DASH;
  const value = parse(text);
  return value ? group(fixed(value, Math.max(2, value.decimalPlaces()))) : text;
}

/** A quantity as exact as it is: "1000" → "1,000", "0.50" → "0.5". */
export function formatQuantity(text: string | null | undefined): string {
  if (text === null || text === undefined) return DASH;
  const value = parse(text);
  return value ? group(fixed(value, value.decimalPlaces())) : text;
}

/** Up, down or flat from the text alone (a leading "-" and any non-zero digit); for colouring. */
export function signOf(text: string | null | undefined): Sign {
  if (!text || !/[1-9]/.test(text)) return 'flat';
  return text.startsWith('-') ? 'down' : 'up';
}

/** A statistic given as a fraction (0.0523) shown as a percent: "5.23%"; null shows a dash. */
export function formatFraction(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${(value * 100).toFixed(decimals)}%`;
}

/** A plain statistic (a ratio): "1.87"; null shows a dash. */
export function formatRatio(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toFixed(decimals);
}
