/**
 * What to do about an `{"T":"error","code":…}` from Alpaca's market data stream. Codes and
 * messages as listed in docs.alpaca.markets "WebSocket Stream" → Errors.
 *
 * - `fatal`: the key or the plan is wrong; reconnecting cannot help (402, 409).
 * - `limited`: the key already has its one connection (406); retrying soon would only take the
 *   slot back and forth, so the stream waits long between tries.
 * - `reconnect`: this connection is unusable (401, 404, 407, 500 and codes we do not know).
 * - `request`: one request was refused and the connection stays up (400, 405, 410).
 * - `harmless`: nothing to do (403 already authenticated).
 */
export type StreamErrorAction = 'fatal' | 'limited' | 'reconnect' | 'request' | 'harmless';

export interface StreamErrorVerdict {
  action: StreamErrorAction;
  /** A sentence for the status line and the log; never holds the key or the secret. */
  label: string;
}

export function classifyStreamError(code: number | null, msg: string, feed: string): StreamErrorVerdict {
  const said = `${code ?? '?'} ${msg || 'error'}`;
  switch (code) {
    case 402:
      return { action: 'fatal', label: `Alpaca rejected the API key (${said})` };
    case 409:
      return { action: 'fatal', label: `The Alpaca plan does not include the ${feed} feed (${said})` };
    case 406:
      return { action: 'limited', label: `Another connection is using this Alpaca key's one ${feed} data stream (${said})` };
    case 400:
    case 410:
      return { action: 'request', label: `Alpaca refused a subscription request (${said})` };
    case 405:
      return { action: 'request', label: `Alpaca's symbol limit for the ${feed} feed is reached (${said})` };
    case 403:
      return { action: 'harmless', label: `Alpaca: ${said}` };
    case 401:
    case 404:
      return { action: 'reconnect', label: `Alpaca closed the login (${said})` };
    case 407:
      return { action: 'reconnect', label: `Alpaca dropped us as too slow a reader (${said})` };
    default:
      return { action: 'reconnect', label: `Alpaca data stream error (${said})` };
  }
}
