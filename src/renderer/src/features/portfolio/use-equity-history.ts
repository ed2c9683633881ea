import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/app-context';
import { HistoryPoller, type HistoryState } from './history-poller';

/** The equity history, fetched when the tab opens and every ten seconds while it stays open and the page is visible. */
export function useEquityHistory(): HistoryState {
  const { client } = useServices();
  const [poller] = useState(() => new HistoryPoller(client, { visible: () => document.visibilityState === 'visible' }));

  useEffect(() => {
    poller.start();
    return () => poller.stop();
  }, [poller]);

  return useStore(poller.state);
}
