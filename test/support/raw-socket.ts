import WebSocket from 'ws';

/** A WebSocket that sends whatever it is told and hands back each reply in order. */
export interface RawSocket {
  ws: WebSocket;
  send(data: string | Buffer, binary?: boolean): void;
  next(timeoutMs?: number): Promise<unknown>;
  closed: Promise<{ code: number }>;
}

export async function openRawSocket(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(url, { headers });
  const queue: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const value: unknown = JSON.parse((data as Buffer).toString('utf8'));
    const waiter = waiters.shift();
    if (waiter) waiter(value);
    else queue.push(value);
  });
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    closed,
    send: (data, binary = false) => ws.send(data, { binary }),
    next: (timeoutMs = 5000) =>
      queue.length > 0
        ? Promise.resolve(queue.shift())
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no reply')), timeoutMs);
            waiters.push((value) => {
              clearTimeout(timer);
              resolve(value);
            });
          }),
  };
}

/** Tries to connect; resolves with the HTTP status of a refused upgrade, or 101 when accepted. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => resolve(-1));
  });
}
