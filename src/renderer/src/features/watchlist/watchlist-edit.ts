/** The watchlist holds at most this many symbols (the settings schema's limit). */
export const MAX_WATCHLIST = 200;

/** The list with the symbol at the end; the same array when it is already there or the list is full. */
export function addSymbol(list: readonly string[], symbol: string): readonly string[] {
  if (list.includes(symbol) || list.length >= MAX_WATCHLIST) return list;
  return [...list, symbol];
}

/** The list without the symbol; the same array when it was not there. */
export function removeSymbol(list: readonly string[], symbol: string): readonly string[] {
  return list.includes(symbol) ? list.filter((entry) => entry !== symbol) : list;
}
