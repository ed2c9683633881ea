import { useEffect, useState } from 'react';
import type { Instrument } from '@shared/dto/market-data';
import { useServices } from '../../app/app-context';
import { errorMessage } from '../../store/engine-client';

/** Quiet time after the last keystroke before the engine is asked. */
export const SEARCH_DEBOUNCE_MS = 120;

export interface InstrumentSearch {
  results: Instrument[];
  status: 'idle' | 'searching' | 'done' | 'error';
  error: string | null;
}

const IDLE: InstrumentSearch = { results: [], status: 'idle', error: null };

/** Type-ahead over `md.instruments.search`: debounced, and an older answer never replaces a newer one. */
export function useInstrumentSearch(query: string, limit = 12): InstrumentSearch {
  const { client } = useServices();
  const [state, setState] = useState<InstrumentSearch>(IDLE);
  const text = query.trim().slice(0, 32);

  useEffect(() => {
    if (!text) {
      setState(IDLE);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      setState((previous) => ({ ...previous, status: 'searching' }));
      client.call('md.instruments.search', { query: text, limit }).then(
        (results) => {
          if (current) setState({ results, status: 'done', error: null });
        },
        (error: unknown) => {
          if (current) setState({ results: [], status: 'error', error: errorMessage(error) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [client, text, limit]);

  return state;
}
