import type { Instrument } from '@shared/dto/market-data';

/** Model parameters of one simulated symbol. */
export interface SimInstrument {
  /** Always `SIM:`-prefixed, so simulated data never mixes with real data of the same ticker. */
  symbol: string;
  name: string;
  assetClass: 'etf' | 'stock';
  /** Where a fresh simulation starts (history or a stored last close usually overrides it). */
  startPrice: number;
  /** Annualised volatility of log returns over 252 × 390 session minutes (0.2 = 20 %). */
  annualVol: number;
  /**
   * Correlation of the symbol's returns with the market factor, in [-1, 1]. The rest of its
   * variance is idiosyncratic, so corr(a, b) ≈ marketCorrelation(a) × marketCorrelation(b).
   */
  marketCorrelation: number;
  tickSize: number;
  /** Trades per minute at an average moment of the regular session. */
  tradesPerMinute: number;
  /** Chance of a jump at each regular-session open (09:30 New York, Monday to Friday). */
  gapProbability: number;
}

const sim = (
  ticker: string,
  name: string,
  assetClass: SimInstrument['assetClass'],
  startPrice: number,
  annualVol: number,
  marketCorrelation: number,
  tradesPerMinute: number,
): SimInstrument => ({
  symbol: `SIM:${ticker}`,
  name: `Simulated ${name}`,
  assetClass,
  startPrice,
  annualVol,
  marketCorrelation,
  tickSize: 0.01,
  tradesPerMinute,
  gapProbability: 0.08,
});

/** The default watchlist's symbols. Loadings are rough real-world values; TLT hedges equities. */
export const SIM_PARAMS: readonly SimInstrument[] = [
  sim('SPY', 'S&P 500 ETF', 'etf', 560, 0.16, 0.98, 300),
  sim('QQQ', 'Nasdaq-100 ETF', 'etf', 480, 0.21, 0.92, 240),
  sim('AAPL', 'Apple', 'stock', 220, 0.27, 0.7, 240),
  sim('MSFT', 'Microsoft', 'stock', 420, 0.24, 0.72, 180),
  sim('NVDA', 'NVIDIA', 'stock', 130, 0.5, 0.65, 360),
  sim('JPM', 'JPMorgan Chase', 'stock', 230, 0.24, 0.6, 100),
  sim('XOM', 'Exxon Mobil', 'stock', 115, 0.25, 0.4, 100),
  sim('TLT', '20+ Year Treasury Bond ETF', 'etf', 92, 0.15, -0.35, 90),
];

/** Number of decimals in a tick size such as 0.01 (used to print prices exactly on the tick). */
export function tickDecimals(tickSize: number): number {
  let decimals = 0;
  while (decimals < 10 && Math.abs(Math.round(tickSize * 10 ** decimals) - tickSize * 10 ** decimals) > 1e-9) decimals += 1;
  return decimals;
}

/** The nearest price on the tick grid, never below one tick, printed without float residue. */
export function roundToTick(price: number, tickSize: number, decimals: number): number {
  const ticks = Math.max(1, Math.round(price / tickSize));
  // An integer divided by 10^d is the double nearest the decimal, exactly what parsing it gives.
  const scale = 10 ** decimals;
  return Math.round(ticks * tickSize * scale) / scale;
}

export function toInstrument(params: SimInstrument): Instrument {
  return {
    symbol: params.symbol,
    name: params.name,
    assetClass: params.assetClass,
    exchange: 'SIM',
    currency: 'USD',
    tickSize: params.tickSize.toFixed(tickDecimals(params.tickSize)),
    lotSize: '1',
    active: true,
  };
}

export const SIM_INSTRUMENTS: readonly Instrument[] = SIM_PARAMS.map(toInstrument);
