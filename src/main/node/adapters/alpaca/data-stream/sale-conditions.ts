/**
 * Alpaca sends a trade's sale conditions as the SIPs' own letters, which mean different things
 * on the CTA tapes (A, B: NYSE- and other-listed) and the UTP tape (C: Nasdaq-listed): `B` is an
 * average-price trade on CTA but a bunched trade on UTP. The engine's Trade carries Polygon's
 * numbering (see core/market-data/aggregation/trade-conditions.ts), so letters are translated
 * here by tape, using the `sip_mapping` of Polygon's /v3/reference/conditions.
 *
 * Only conditions that restrict a bar (volume-only, high/low-only, or not a trade at all) are
 * listed: a code the aggregator does not know restricts nothing, so leaving out the codes that
 * update everything (`@`, `F` sweep, `E`, `X` …) changes no bar and keeps the table short.
 */
export type SipTape = 'CTA' | 'UTP';

// Same letter on both SIPs.
const SHARED_CODES = {
  C: 7, // Cash Sale
  H: 21, // Price Variation Trade
  I: 37, // Odd Lot Trade
  M: 15, // Market Center Official Close
  N: 20, // Next Day
  P: 22, // Prior Reference Price
  Q: 16, // Market Center Official Open
  R: 29, // Seller
  T: 12, // Form T (extended hours)
  U: 13, // Extended Trading Hours (Sold Out of Sequence)
  V: 52, // Contingent Trade
  Z: 32, // Sold (Out of Sequence)
  '4': 10, // Derivatively Priced
  '7': 53, // Qualified Contingent Trade
  '9': 38, // Corrected Consolidated Close (per listing market)
};

// Maps, so a letter can never hit an Object.prototype key.
const SHARED = new Map<string, number>(Object.entries(SHARED_CODES));
const BY_TAPE: Readonly<Record<SipTape, ReadonlyMap<string, number>>> = {
  CTA: new Map([...SHARED, ['B', 2]]), // Average Price Trade
  UTP: new Map([...SHARED, ['W', 2], ['G', 5]]), // Average Price Trade; Bunched Sold Trade
};

const NONE: readonly number[] = Object.freeze([]);

/** Alpaca's tape letter: A and B are CTA, C is UTP; anything else is unknown. */
export function tapeOf(z: unknown): SipTape | null {
  if (z === 'A' || z === 'B') return 'CTA';
  if (z === 'C') return 'UTP';
  return null;
}

/**
 * Polygon condition ids for Alpaca's letters. Without a known tape only the letters that mean
 * the same on both SIPs are translated. Unknown letters are dropped (they restrict nothing).
 */
export function saleConditionIds(letters: readonly string[], tape: SipTape | null): readonly number[] {
  if (letters.length === 0) return NONE;
  const table = tape === null ? SHARED : BY_TAPE[tape];
  const ids: number[] = [];
  for (const letter of letters) {
    const id = table.get(letter.trim());
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids.length === 0 ? NONE : ids;
}
