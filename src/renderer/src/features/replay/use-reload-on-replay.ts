import { useEffect, useRef } from 'react';
import type { ReplayStatus } from '@shared/dto/replay';
import type { EngineClient } from '../../store/engine-client';

type Seen = Pick<ReplayStatus, 'revision' | 'symbol'>;

/**
 * Whether a chart of `symbol` must load again: a replay of it started, sought or stopped (the
 * revision moved while it is, or was, the one replayed). The first status seen reloads when it
 * is about the symbol, since the replay may have started before the chart listened.
 */
export function replayReloadNeeded(previous: Seen | null, status: Seen, symbol: string): boolean {
  if (!previous) return status.symbol === symbol;
  if (previous.revision === status.revision) return false;
  return status.symbol === symbol || previous.symbol === symbol;
}

/** Calls `reload` whenever `replayReloadNeeded` says so for a pushed `md.replay.status`. */
export function useReloadOnReplay(client: Pick<EngineClient, 'subscribe'>, symbol: string, reload: (() => void) | null): void {
  const last = useRef<Seen | null>(null);
  useEffect(() => {
    if (!reload) return;
    return client.subscribe('md.replay.status', (status) => {
      const previous = last.current;
      last.current = { revision: status.revision, symbol: status.symbol };
      if (replayReloadNeeded(previous, status, symbol)) reload();
    });
  }, [client, symbol, reload]);
}
