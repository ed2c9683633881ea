import type { KestrelBridge } from '@shared/contract/bridge';
import type { ClientMessage } from '@shared/contract/envelope';
import type { ConnectionState, Transport } from '@shared/client/transport';

/** The contract over the preload bridge: in-process IPC, always open while the window lives. */
export class ElectronTransport implements Transport {
  readonly kind = 'electron' as const;

  constructor(private readonly bridge: KestrelBridge) {}

  request(message: ClientMessage): Promise<unknown> {
    return this.bridge.invoke(message);
  }

  onEvent(listener: (message: unknown) => void): () => void {
    return this.bridge.onEvent(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    listener('open');
    return () => {};
  }

  close(): void {}
}
