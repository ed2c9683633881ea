import { useEffect, useState } from 'react';
import type { NewsResult } from '@shared/dto/news';
import { useServices } from '../../app/app-context';
import { errorMessage } from '../../store/engine-client';

/** The engine caches news for a minute; asking more often would only re-read its cache. */
export const NEWS_REFRESH_MS = 60_000;
const NEWS_LIMIT = 30;

export interface NewsState {
  status: 'loading' | 'ready' | 'error';
  result: NewsResult | null;
  error: string | null;
}

/** `md.news` for one symbol (or market news), refreshed each minute while the page is visible. */
export function useNews(symbol: string | undefined): NewsState {
  const { client } = useServices();
  const [state, setState] = useState<NewsState>({ status: 'loading', result: null, error: null });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading', result: null, error: null });
    const load = (): void => {
      const params = symbol === undefined ? { limit: NEWS_LIMIT } : { symbol, limit: NEWS_LIMIT };
      client.call('md.news', params).then(
        (result) => {
          if (current) setState({ status: 'ready', result, error: null });
        },
        (error: unknown) => {
          // Keep the headlines already shown; say why they are not fresh.
          if (current) setState((previous) => ({ status: 'error', result: previous.result, error: errorMessage(error) }));
        },
      );
    };
    load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, NEWS_REFRESH_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [client, symbol]);

  return state;
}
