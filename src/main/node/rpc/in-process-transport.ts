import type { ClientMessage, ServerMessage } from '@shared/contract/envelope';
import type { ConnectionState, Transport } from '@shared/client/transport';
import type { Engine } from '../host';

/**
 * The contract without a wire: a client and an engine in one process (CLI commands when no
 * engine runs, tests). Messages still pass through a JSON round trip, so anything that
 * would not survive a real transport fails here too.
 */
export class InProcessTransport implements Transport {
  readonly kind = 'in-process' as const;
  private readonly listeners = new Set<(message: unknown) => void>();
  private readonly session;

  constructor(engine: Engine, label = 'in-process') {
    this.session = engine.openSession(label, (message: ServerMessage) => {
      const copy: unknown = JSON.parse(JSON.stringify(message));
      for (const listener of this.listeners) listener(copy);
    });
  }

  async request(message: ClientMessage): Promise<unknown> {
    const response = await this.session.handle(JSON.parse(JSON.stringify(message)));
    return JSON.parse(JSON.stringify(response)) as unknown;
  }

  onEvent(listener: (message: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    listener('open');
    return () => {};
  }

  close(): void {
    this.session.close();
  }
}
