/**
 * The symbol a per-symbol file is named after: `spy.us.txt` → SPY, `AAPL.csv` → AAPL,
 * `brk-b.us.txt.gz` → BRK-B. Null when the name does not look like a ticker (a long or
 * compound name such as `yahoofinance-SPY-20080101.csv`): the user then says which it is.
 */
export function symbolFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.gz$/i, '')
    .replace(/\.(csv|txt)$/i, '')
    // Stooq's market suffix: spy.us, vod.uk
    .replace(/\.[a-z]{2}$/i, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9.^-]{0,11}$/.test(stem) || !/[A-Za-z]/.test(stem)) return null;
  return stem.toUpperCase();
}

/** Upper-cases a symbol cell and drops a format's market suffix (`AAPL.US` → AAPL). */
export function normaliseSymbol(cell: string, suffix: string | null): string {
  const upper = cell.trim().toUpperCase();
  return suffix !== null && upper.endsWith(suffix) ? upper.slice(0, -suffix.length) : upper;
}
