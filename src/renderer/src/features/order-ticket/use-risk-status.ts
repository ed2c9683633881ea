import { useEffect, useState } from 'react';
import type { RiskStatus } from '@shared/dto/trading';
import { useServices } from '../../app/app-context';

/** The engine's risk status (the kill switch): fetched on every (re)connect, then pushed. */
export function useRiskStatus(): RiskStatus | null {
  const { client } = useServices();
  const [status, setStatus] = useState<RiskStatus | null>(null);

  useEffect(() => {
    let live = true;
    // A push that lands while a fetch is out is newer than the fetch's answer.
    let pushes = 0;
    const fetch = async (): Promise<void> => {
      const before = pushes;
      try {
        const fetched = await client.call('risk.status', {});
        if (live && pushes === before) setStatus(fetched);
      } catch {
        // Offline or not served: keep the last known status; pushes still arrive.
      }
    };
    const offPush = client.subscribe('risk.status', (pushed) => {
      pushes += 1;
      setStatus(pushed);
    });
    const offState = client.onState((state) => {
      if (state === 'open') void fetch();
    });
    return () => {
      live = false;
      offPush();
      offState();
    };
  }, [client]);

  return status;
}
