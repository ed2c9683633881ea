import type { RiskRule } from '@shared/dto/trading';
import { toDecimalString, type Decimal } from '@shared/money/decimal';
import type { RiskContext, RiskVerdict } from '../risk-context';

export const PASS: RiskVerdict = { ok: true };

/** A refusal: the rule, a sentence for the trader, and the two numbers as canonical decimal strings. */
export function refuse(rule: RiskRule, message: string, limit: Decimal | null, actual: Decimal | null): RiskVerdict {
  return {
    ok: false,
    rule,
    message,
    limit: limit === null ? null : toDecimalString(limit),
    actual: actual === null ? null : toDecimalString(actual),
  };
}

/** "1234567.891" → "1,234,567.891": thousands grouped, the fraction as given. */
function group(fixed: string): string {
  const negative = fixed.startsWith('-');
  const [whole = '', fraction] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Money for messages: cents, grouped (312,400.00). */
export function formatMoney(value: Decimal): string {
  return group(value.toFixed(2));
}

/** Units for messages: every decimal they have, grouped (1,500 or 0.125). */
export function formatQuantity(value: Decimal): string {
  return group(value.toFixed());
}

/** A price for messages: at least cents, more when the price has them (101.50, 0.00012). */
export function formatPrice(value: Decimal): string {
  return group(value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed());
}

/** A percent for messages, to two places (12.35%). */
export function formatPercent(value: Decimal): string {
  return `${group(value.toFixed(2))}%`;
}

/** One pre-trade rule: looks at the context, passes or refuses. */
export type RiskCheck = (ctx: RiskContext) => RiskVerdict;
