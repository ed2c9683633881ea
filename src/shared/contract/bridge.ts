/**
 * What the Electron preload exposes to the renderer as `window.kestrel`, and nothing more:
 * one request channel and one event channel carrying the envelope. Validation happens on
 * both ends; the bridge itself only relays.
 */
export const RPC_CHANNEL = 'kestrel:rpc';
export const EVENT_CHANNEL = 'kestrel:event';
export const BRIDGE_GLOBAL = 'kestrel';

export interface KestrelBridge {
  /** Sends one client envelope; resolves with the engine's response envelope. */
  invoke(message: unknown): Promise<unknown>;
  /** Receives event envelopes; returns a function that stops listening. */
  onEvent(listener: (message: unknown) => void): () => void;
}
