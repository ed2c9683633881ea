import { WebSocket } from 'ws';
import type { Scheduler } from '../../../core/ports/scheduler';

/** Closes a socket cleanly; a peer that never answers the close handshake is cut off after a second. */
export function closeSocket(ws: WebSocket | null, scheduler: Scheduler): Promise<void> {
  if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const cancel = scheduler.after(1_000, () => ws.terminate());
    ws.once('close', () => {
      cancel();
      resolve();
    });
    ws.close(1000);
  });
}
