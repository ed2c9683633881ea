import { useEffect } from 'react';
import type { EngineClient } from '../../store/engine-client';

/** Calls `reload` each time the transport opens again after having dropped. */
export function useReloadOnReconnect(client: Pick<EngineClient, 'onState'>, reload: (() => void) | null): void {
  useEffect(() => {
    if (!reload) return;
    let seenOpen = false;
    let dropped = false;
    return client.onState((state) => {
      if (state === 'open') {
        if (dropped) reload();
        seenOpen = true;
        dropped = false;
      } else if (seenOpen) {
        dropped = true;
      }
    });
  }, [client, reload]);
}
