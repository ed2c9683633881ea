import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BarColumns } from '../../src/main/core/market-data/types';

/**
 * The real market data beside the repository (../shared/data by default, or
 * KESTREL_SHARED_DATA). Tests that need it fail loudly when it is absent rather than pass
 * on nothing.
 */
export const SHARED_DATA = resolve(process.env.KESTREL_SHARED_DATA ?? resolve(__dirname, '../../../shared/data'));

export function sharedDataFile(relative: string): string {
  const file = resolve(SHARED_DATA, relative);
  if (!existsSync(file)) {
    throw new Error(
      `Real market data not found: ${file}. Put the shared data set at ../shared/data or set KESTREL_SHARED_DATA to its folder.`,
    );
  }
  return file;
}

/** Yahoo's daily AAPL history, 2004-08-19 to 2018-01-19 (Date, Open, High, Low, Close, Adj Close, Volume). */
export const AAPL_DAILY_CSV = 'daily/yahoo-samples/mplfinance__yahoofinance-AAPL-20040819-20180120.csv';

/** That file as columns, oldest first: times at UTC midnight of each date, prices as written, volume. */
export function readAaplDaily(): BarColumns {
  const rows = readFileSync(sharedDataFile(AAPL_DAILY_CSV), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const column = (j: number) => Float64Array.from(rows, (row) => (j === 0 ? Date.parse(`${row[0]}T00:00:00Z`) : Number(row[j])));
  return { length: rows.length, time: column(0), open: column(1), high: column(2), low: column(3), close: column(4), volume: column(6) };
}
