import type { ParamsIn } from '@shared/contract/rpc';
import { Decimal, toDecimalString } from '@shared/money/decimal';
import { guessDecimals } from '../chart/number-format';
import { compareAmounts, parsePositiveAmount } from './decimal-input';
import { ticketLayout, type TicketForm } from './ticket-form';

export interface SizingInput {
  riskPercent: string;
  /** The helper's own stop; empty means the stop-loss leg's. */
  stopPrice: string;
}

export type SizingField = 'riskPercent' | 'stopPrice' | 'entry';
export type SizingCheck =
  | { ok: true; request: ParamsIn<'risk.sizing'> }
  | { ok: false; errors: Partial<Record<SizingField, string>> };

/**
 * A last trade (a float from the market-data path) as decimal text with the decimals the
 * watchlist shows. Only an estimate for sizing and display: it never becomes an order price.
 */
export function lastPriceText(last: number | undefined): string | null {
  if (last === undefined || !Number.isFinite(last) || last <= 0) return null;
  return toDecimalString(new Decimal(last).toDecimalPlaces(guessDecimals(last)));
}

/** Where the order would get in: its limit, else its stop, else the last trade. */
export function sizingEntryPrice(form: TicketForm, last: number | undefined): string | null {
  const layout = ticketLayout(form);
  const limit = layout.limitPrice ? parsePositiveAmount(form.limitPrice, 'Limit price') : null;
  if (limit?.ok) return limit.value;
  const stop = layout.stopPrice ? parsePositiveAmount(form.stopPrice, 'Stop price') : null;
  if (stop?.ok) return stop.value;
  return lastPriceText(last);
}

/** The helper's stop: its own field, or the stop-loss leg's when that is left empty. */
export function sizingStopText(input: SizingInput, form: TicketForm): string {
  return input.stopPrice.trim() === '' ? form.stopLossStop : input.stopPrice;
}

/** Checks the helper's fields and builds the `risk.sizing` request. */
export function checkSizing(symbol: string, input: SizingInput, form: TicketForm, last: number | undefined): SizingCheck {
  const errors: Partial<Record<SizingField, string>> = {};
  const risk = parsePositiveAmount(input.riskPercent, 'Risk %');
  if (!risk.ok) errors.riskPercent = risk.message;
  else if (compareAmounts(risk.value, '100') > 0) errors.riskPercent = 'Risk % must be at most 100';
  const stop = parsePositiveAmount(sizingStopText(input, form), 'Stop price');
  if (!stop.ok) errors.stopPrice = stop.message;
  const entry = sizingEntryPrice(form, last);
  if (entry === null) errors.entry = 'No entry price yet: enter a limit price or wait for a last price';
  else if (stop.ok && compareAmounts(stop.value, entry) === 0) errors.stopPrice = 'The stop must differ from the entry price';
  if (!risk.ok || !stop.ok || entry === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { symbol, riskPercent: risk.value, entryPrice: entry, stopPrice: stop.value } };
}
