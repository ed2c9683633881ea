import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';

/**
 * The last trade of a symbol: from the ticker store (fed by `md.ticker`, which streams the
 * chart's symbol too), or fetched once when the symbol is not on the watchlist yet.
 */
export function useLastPrice(symbol: string): number | undefined {
  const { client, stores } = useServices();
  const stored = useStore(stores.tickers, (s) => s.tickers[symbol]?.last);
  const [fetched, setFetched] = useState<{ symbol: string; last: number } | null>(null);

  useEffect(() => {
    if (stores.tickers.getState().tickers[symbol]) return;
    let live = true;
    void (async () => {
      try {
        const [ticker] = await client.call('md.tickers', { symbols: [symbol] });
        if (live && ticker) setFetched({ symbol, last: ticker.last });
      } catch {
        // No price yet: the ticket shows a dash until a ticker arrives.
      }
    })();
    return () => {
      live = false;
    };
  }, [client, stores, symbol]);

  return stored ?? (fetched?.symbol === symbol ? fetched.last : undefined);
}
