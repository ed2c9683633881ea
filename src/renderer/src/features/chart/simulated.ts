/** Symbols from the built-in simulator start with SIM: (they never mix with real data of the same ticker). */
export function isSimulated(symbol: string): boolean {
  return symbol.startsWith('SIM:');
}
