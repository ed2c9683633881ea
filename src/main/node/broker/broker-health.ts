import type { BrokerState } from '@shared/dto/broker';
import type { AlpacaEndpointGroup, CircuitState } from '../adapters/alpaca/circuit-breaker';

/**
 * One state for the header from two sources: the trade_updates stream (connecting,
 * connected, degraded, down) and REST's circuit breakers per endpoint group. Any open
 * breaker makes a connected broker degraded, named by its endpoints.
 */
export class BrokerHealth {
  private stream: { state: BrokerState; detail: string | null } = { state: 'connecting', detail: null };
  private readonly open = new Set<AlpacaEndpointGroup>();

  constructor(private readonly publish: (state: BrokerState, detail: string | null) => void) {}

  onStream(state: BrokerState, detail: string | null): void {
    this.stream = { state, detail };
    this.emit();
  }

  onCircuit(group: AlpacaEndpointGroup, state: CircuitState): void {
    if (state === 'closed') this.open.delete(group);
    else this.open.add(group);
    this.emit();
  }

  private emit(): void {
    const { state, detail } = this.stream;
    if (this.open.size === 0 || state === 'down' || state === 'connecting') return this.publish(state, detail);
    const failing = `Alpaca ${[...this.open].sort().join(', ')} requests are failing; retrying`;
    this.publish('degraded', detail ? `${detail} · ${failing}` : failing);
  }
}
