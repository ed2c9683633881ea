import { useEffect, useState } from 'react';

/** The current time in epoch ms, updated just after each whole second. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let timer = 0;
    const schedule = (): void => {
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    const tick = (): void => {
      setNow(Date.now());
      schedule();
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, []);

  return now;
}
