import { Decimal, toDecimalString } from '@shared/money/decimal';

/** What a typed amount is: the canonical decimal string the wire takes, or why it is not one. */
export type ParsedAmount = { ok: true; value: string } | { ok: false; message: string };

/** The wire's limits (DecimalString): at most 20 digits before the point and 18 after. */
const MAX_WHOLE_DIGITS = 20;
const MAX_DECIMALS = 18;
const PLAIN_NUMBER = /^(\d*)(?:\.(\d*))?$/;

/**
 * Reads a positive amount the user typed. Stays in decimal text from start to end (no float),
 * and refuses a comma outright: "1,5" could mean 1.5 or 15, and guessing with money is wrong.
 */
export function parsePositiveAmount(text: string, label: string): ParsedAmount {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${label} is required` };
  if (trimmed.includes(',')) return { ok: false, message: `${label}: use a point for decimals and no thousands separators` };
  if (/^-\s*[\d.]/.test(trimmed)) return { ok: false, message: `${label} must be greater than zero` };
  const match = PLAIN_NUMBER.exec(trimmed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, message: `${label} must be a number, e.g. 100 or 12.5` };
  if (fraction.length > MAX_DECIMALS) return { ok: false, message: `${label} has more than ${MAX_DECIMALS} decimals` };
  if (whole.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) return { ok: false, message: `${label} is too large` };
  const value = new Decimal(`${whole === '' ? '0' : whole}.${fraction === '' ? '0' : fraction}`);
  if (value.isZero()) return { ok: false, message: `${label} must be greater than zero` };
  return { ok: true, value: toDecimalString(value) };
}

/** Compares two canonical decimal strings exactly: negative, zero or positive like a sort. */
export function compareAmounts(a: string, b: string): number {
  return new Decimal(a).comparedTo(new Decimal(b));
}
