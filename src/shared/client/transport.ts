import type { ClientMessage } from '../contract/envelope';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * The two-method seam every client transport implements (Electron bridge, browser
 * WebSocket, Node `ws`). It moves envelopes; it does not validate them.
 */
export interface Transport {
  readonly kind: 'electron' | 'websocket' | 'in-process';
  /** Sends a client envelope and resolves with the raw response envelope. */
  request(message: ClientMessage): Promise<unknown>;
  onEvent(listener: (message: unknown) => void): () => void;
  onState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
