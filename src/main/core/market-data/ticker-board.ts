import type { Ticker } from '@shared/dto/market-data';

/**
 * Last price per symbol, with the previous session's close for change and change %.
 * The previous close is looked up once per symbol and trading day through `lookupPreviousClose`.
 */
export class TickerBoard {
  private readonly tickers = new Map<string, Ticker>();
  private readonly previousDay = new Map<string, string>();

  constructor(
    private readonly lookupPreviousClose: (symbol: string, time: number) => number | null,
    private readonly tradingDayOf: (time: number) => string,
  ) {}

  /** Records a last price; returns the updated ticker. */
  update(symbol: string, last: number, time: number): Ticker {
    const current = this.tickers.get(symbol);
    if (current && time < current.time) return current;
    const day = this.tradingDayOf(time);
    let previousClose = current?.previousClose ?? null;
    if (this.previousDay.get(symbol) !== day) {
      previousClose = this.lookupPreviousClose(symbol, time);
      this.previousDay.set(symbol, day);
    }
    const ticker: Ticker = { symbol, last, previousClose, time };
    this.tickers.set(symbol, ticker);
    return ticker;
  }

  get(symbol: string): Ticker | undefined {
    return this.tickers.get(symbol);
  }
}
