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

/** Extra quiet time before Polygon is asked too (its free plan allows a few calls a minute). */
export const REFERENCE_DEBOUNCE_MS = 350;

/**
 * Type-ahead over `md.instruments.search` (local, instant), then `md.reference.search` (local
 * plus Polygon when a key is set), whose answer replaces the local one when it has more.
 * Debounced, and an older answer never replaces a newer one.
 */
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
    let remote: number | undefined;
    const timer = window.setTimeout(() => {
      setState((previous) => ({ ...previous, status: 'searching' }));
      client.call('md.instruments.search', { query: text, limit }).then(
        (results) => {
          if (!current) return;
          setState({ results, status: 'done', error: null });
          remote = window.setTimeout(() => {
            // A failed remote search (no network, rate limit) leaves the local results standing.
            client.call('md.reference.search', { query: text, limit }).then(
              (more) => {
                if (current && more.length > results.length) setState({ results: more, status: 'done', error: null });
              },
              () => undefined,
            );
          }, REFERENCE_DEBOUNCE_MS);
        },
        (error: unknown) => {
          if (current) setState({ results: [], status: 'error', error: errorMessage(error) });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
      window.clearTimeout(remote);
    };
  }, [client, text, limit]);

  return state;
}
