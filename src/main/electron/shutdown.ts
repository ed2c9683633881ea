import { app, type Event } from 'electron';
import type { Logger } from '../core/ports/logger';
import type { IpcAdapter } from './ipc-adapter';

/** Past this, quit anyway: a stuck adapter must not keep a zombie app running. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * Holds the first quit until the engine has closed (flushing the store, stopping feeds), then
 * quits for real. Both events are hooked because either may come first, or alone.
 * `stopEngine` closes the engine and whatever serves it.
 */
export function closeEngineBeforeQuit(stopEngine: () => Promise<void>, ipc: IpcAdapter, logger: Logger): void {
  let state: 'running' | 'closing' | 'closed' = 'running';

  const onQuit = (event: Event): void => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    ipc.dispose();
    closeWithin(stopEngine, CLOSE_TIMEOUT_MS, logger)
      .catch((error: unknown) => {
        logger.error('The engine failed to close cleanly', { error: String(error) });
      })
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  };
  app.on('before-quit', onQuit);
  app.on('will-quit', onQuit);
}

async function closeWithin(stopEngine: () => Promise<void>, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, timeoutMs);
  });
  try {
    const outcome = await Promise.race([stopEngine().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') logger.warn('The engine did not close in time; quitting anyway', { timeoutMs });
  } finally {
    clearTimeout(timer);
  }
}
