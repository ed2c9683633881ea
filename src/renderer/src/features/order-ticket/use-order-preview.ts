import { useEffect, useState } from 'react';
import type { OrderPreview, PlaceOrderInput } from '@shared/dto/trading';
import { useServices } from '../../app/app-context';
import { failureText } from './ticket-outcome';

/** Typing pauses this long before the engine is asked again. */
export const PREVIEW_DEBOUNCE_MS = 200;

export type PreviewState =
  | { kind: 'incomplete' }
  | { kind: 'loading'; previous: OrderPreview | null }
  | { kind: 'ready'; preview: OrderPreview }
  | { kind: 'error'; message: string };

const previousOf = (state: PreviewState): OrderPreview | null =>
  state.kind === 'ready' ? state.preview : state.kind === 'loading' ? state.previous : null;

/**
 * `orders.preview` for the order as it stands, debounced; an answer to an older version of
 * the order is dropped. `refresh` asks again for the same order (after a send).
 */
export function useOrderPreview(order: PlaceOrderInput | null, refresh: number): PreviewState {
  const { client } = useServices();
  const [state, setState] = useState<PreviewState>({ kind: 'incomplete' });
  const key = order === null ? null : JSON.stringify(order);

  useEffect(() => {
    if (order === null) {
      setState({ kind: 'incomplete' });
      return;
    }
    setState((current) => ({ kind: 'loading', previous: previousOf(current) }));
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const preview = await client.call('orders.preview', order);
          if (live) setState({ kind: 'ready', preview });
        } catch (error) {
          if (live) setState({ kind: 'error', message: failureText(error) });
        }
      })();
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `key` stands for `order`: a new object with the same fields must not ask again.
  }, [client, key, refresh]);

  return state;
}
