/**
 * Engine symbols are spelled as Polygon's REST API spells them (AAPL, X:BTCUSD). The crypto
 * socket spells pairs with a dash (BTC-USD), so the two are mapped here and nowhere else.
 */
export type PolygonCluster = 'stocks' | 'crypto';

/** Channel prefixes per cluster, in the order trades, quotes, second bars, minute bars. */
export const CLUSTER_CHANNELS: Record<PolygonCluster, { trade: string; quote: string; second: string; minute: string }> = {
  stocks: { trade: 'T', quote: 'Q', second: 'A', minute: 'AM' },
  crypto: { trade: 'XT', quote: 'XQ', second: 'XAS', minute: 'XA' },
};

export type ChannelKind = 'trade' | 'quote' | 'second' | 'minute';
export const ALL_CHANNELS: readonly ChannelKind[] = ['trade', 'quote', 'second', 'minute'];

// Longest first, so BTCUSDT is BTC-USDT and not BTCU-SDT.
const QUOTE_CURRENCIES = ['USDT', 'USDC', 'USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'CHF', 'BTC', 'ETH'];

export function clusterOf(symbol: string): PolygonCluster {
  return symbol.startsWith('X:') ? 'crypto' : 'stocks';
}

/** X:BTCUSD → BTC-USD; stock tickers pass through. Null when a crypto pair cannot be split. */
export function toSocketSymbol(symbol: string): string | null {
  if (!symbol.startsWith('X:')) return symbol;
  const pair = symbol.slice(2);
  for (const quote of QUOTE_CURRENCIES) {
    if (pair.length > quote.length && pair.endsWith(quote)) return `${pair.slice(0, -quote.length)}-${quote}`;
  }
  return null;
}

/** BTC-USD → X:BTCUSD (crypto socket pairs); stock tickers pass through. */
export function fromSocketSymbol(cluster: PolygonCluster, socketSymbol: string): string {
  return cluster === 'crypto' ? `X:${socketSymbol.replace('-', '')}` : socketSymbol;
}
