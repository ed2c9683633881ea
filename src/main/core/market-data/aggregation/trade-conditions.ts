/**
 * Which US stock trades may move a bar's prices and which count in its volume.
 *
 * Each trade carries sale conditions (Polygon's numbering of the CTA and UTP codes). The SIPs
 * publish a matrix of which conditions update the consolidated high/low, the last (open and
 * close) and the volume (CTA Binary Output Specification, "Sale Condition" matrix; UTP Binary
 * Output Specification, same). Polygon exposes that matrix per condition as
 * `update_rules.consolidated.{updates_high_low, updates_open_close, updates_volume}` on
 * GET /v3/reference/conditions?asset_class=stocks&data_type=trade, and builds its aggregates from
 * it (Polygon knowledge base, "How does Polygon create the OHLCV aggregate bars?"). The table
 * below is that consolidated column. Examples: an odd lot (37), average-price (2), cash (7),
 * next-day (20), seller (29), price-variation (21), contingent (52) or qualified-contingent (53)
 * trade counts in volume but never sets a price; derivatively priced (10), prior reference price
 * (22) and sold-out-of-sequence (32, 33) trades may set the high or low but not open or close;
 * official open/close markers (15, 16) are not trades at all.
 *
 * A trade with several conditions updates a field only if every condition allows it. A trade
 * without conditions is a regular sale. Codes missing from the table (Polygon's short-sale and
 * financial-status indicators, 57–71, and reserved ids) restrict nothing.
 *
 * Extended hours: the matrix is written for the SIPs' end-of-day statistics, in which Form T
 * trades (12, 13) only add volume. Polygon's minute bars let extended-hours trades set prices,
 * "otherwise there would be no minute aggregates during extended trading hours" (same article),
 * so the `intraday` rule set treats Form T as a regular sale and its out-of-sequence variant (13)
 * like other out-of-sequence trades (high/low only). Daily bars use the strict matrix, so a daily
 * open, high, low and close come from the regular session while its volume includes
 * pre- and post-market trades, as Polygon's daily aggregates do.
 */

export interface ConditionRule {
  updatesHighLow: boolean;
  /** Updates open and close (the SIPs' "last"). */
  updatesLast: boolean;
  updatesVolume: boolean;
}

/** 'daily': the SIP consolidated matrix. 'intraday': the same with Form T allowed to set prices. */
export type RuleSet = 'intraday' | 'daily';

export const UPDATES_HIGH_LOW = 1;
export const UPDATES_LAST = 2;
export const UPDATES_VOLUME = 4;
export const UPDATES_ALL = UPDATES_HIGH_LOW | UPDATES_LAST | UPDATES_VOLUME;

const HL = UPDATES_HIGH_LOW;
const LAST = UPDATES_LAST;
const VOL = UPDATES_VOLUME;
const ALL = UPDATES_ALL;

/** Polygon stock trade condition id → consolidated update rule, with Polygon's name. */
const CONSOLIDATED: Readonly<Record<number, readonly [mask: number, name: string]>> = {
  0: [ALL, 'Regular Sale'],
  1: [ALL, 'Acquisition'],
  2: [VOL, 'Average Price Trade'],
  3: [ALL, 'Automatic Execution'],
  4: [ALL, 'Bunched Trade'],
  5: [HL | VOL, 'Bunched Sold Trade'],
  6: [ALL, 'CAP Election'],
  7: [VOL, 'Cash Sale'],
  8: [ALL, 'Closing Prints'],
  9: [ALL, 'Cross Trade'],
  10: [HL | VOL, 'Derivatively Priced'],
  11: [ALL, 'Distribution'],
  12: [VOL, 'Form T'],
  13: [VOL, 'Extended Trading Hours (Sold Out of Sequence)'],
  14: [ALL, 'Intermarket Sweep'],
  15: [0, 'Market Center Official Close'],
  16: [0, 'Market Center Official Open'],
  17: [ALL, 'Market Center Opening Trade'],
  18: [ALL, 'Market Center Reopening Trade'],
  19: [ALL, 'Market Center Closing Trade'],
  20: [VOL, 'Next Day'],
  21: [VOL, 'Price Variation Trade'],
  22: [HL | VOL, 'Prior Reference Price'],
  23: [ALL, 'Rule 155 Trade (AMEX)'],
  24: [ALL, 'Rule 127 NYSE'],
  25: [ALL, 'Opening Prints'],
  27: [ALL, 'Stopped Stock (Regular Trade)'],
  28: [ALL, 'Re-Opening Prints'],
  29: [VOL, 'Seller'],
  30: [ALL, 'Sold Last'],
  31: [ALL, 'Sold Last and Stopped Stock'],
  32: [HL | VOL, 'Sold (Out Of Sequence)'],
  33: [HL | VOL, 'Sold (Out of Sequence) and Stopped Stock'],
  34: [ALL, 'Split Trade'],
  35: [ALL, 'Stock Option'],
  36: [ALL, 'Yellow Flag Regular Trade'],
  37: [VOL, 'Odd Lot Trade'],
  38: [HL | LAST, 'Corrected Consolidated Close (per listing market)'],
  41: [ALL, 'Trade Thru Exempt'],
  52: [VOL, 'Contingent Trade'],
  53: [VOL, 'Qualified Contingent Trade'],
  55: [ALL, 'Opening Reopening Trade Detail'],
};

/** Where extended-hours minute bars depart from the end-of-day matrix (see above). */
const INTRADAY_OVERRIDES: Readonly<Record<number, number>> = { 12: ALL, 13: HL | VOL };

// Flat lookup tables for the hot path; ids at or beyond TABLE_SIZE restrict nothing.
const TABLE_SIZE = 128;
const DAILY_TABLE = buildTable({});
const INTRADAY_TABLE = buildTable(INTRADAY_OVERRIDES);

function buildTable(overrides: Readonly<Record<number, number>>): Uint8Array {
  const table = new Uint8Array(TABLE_SIZE).fill(ALL);
  for (const [code, [mask]] of Object.entries(CONSOLIDATED)) table[Number(code)] = mask;
  for (const [code, mask] of Object.entries(overrides)) table[Number(code)] = mask;
  return table;
}

export function conditionRules(code: number, ruleSet: RuleSet = 'daily'): ConditionRule {
  const mask = maskOf(code, ruleSet === 'daily' ? DAILY_TABLE : INTRADAY_TABLE);
  return {
    updatesHighLow: (mask & HL) !== 0,
    updatesLast: (mask & LAST) !== 0,
    updatesVolume: (mask & VOL) !== 0,
  };
}

/** Polygon's name for a condition id, when the table knows it. */
export function conditionName(code: number): string | null {
  return CONSOLIDATED[code]?.[1] ?? null;
}

/** The UPDATES_* bits a trade with these conditions may update (every condition must allow). */
export function eligibilityMask(conditions: readonly number[], ruleSet: RuleSet): number {
  const table = ruleSet === 'daily' ? DAILY_TABLE : INTRADAY_TABLE;
  let mask = ALL;
  for (let i = 0; i < conditions.length; i += 1) mask &= maskOf(conditions[i] ?? 0, table);
  return mask;
}

function maskOf(code: number, table: Uint8Array): number {
  return code >= 0 && code < TABLE_SIZE ? (table[code] ?? ALL) : ALL;
}
