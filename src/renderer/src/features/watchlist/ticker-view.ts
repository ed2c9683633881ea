import type { Ticker } from '@shared/dto/market-data';
import { directionOf, formatPercent, formatPrice, formatSigned, guessDecimals, type Direction } from '../chart/number-format';

/** A watchlist row's numbers, as text. */
export interface TickerView {
  last: string;
  change: string;
  percent: string;
  direction: Direction;
}

const NONE: TickerView = { last: '—', change: '—', percent: '—', direction: 'flat' };

/** Last price, and change against the previous close when it is known. */
export function tickerView(ticker: Ticker | undefined): TickerView {
  if (!ticker) return NONE;
  const decimals = guessDecimals(ticker.last);
  const last = formatPrice(ticker.last, decimals);
  if (ticker.previousClose === null) return { ...NONE, last };
  const change = ticker.last - ticker.previousClose;
  const percent = ticker.previousClose === 0 ? 0 : (change / ticker.previousClose) * 100;
  return { last, change: formatSigned(change, decimals), percent: formatPercent(percent), direction: directionOf(change) };
}
