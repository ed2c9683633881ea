import { describe, expect, it } from 'vitest';
import { BrokerHealth } from './broker-health';

describe('BrokerHealth', () => {
  it('is the stream state while every circuit is closed, degraded while one is open', () => {
    const seen: string[] = [];
    const health = new BrokerHealth((state, detail) => seen.push(`${state}${detail ? `: ${detail}` : ''}`));
    health.onStream('connected', null);
    health.onCircuit('orders', 'open');
    health.onCircuit('account', 'half-open');
    health.onCircuit('orders', 'closed');
    health.onCircuit('account', 'closed');
    health.onStream('down', 'Alpaca refused the stream login');
    expect(seen).toEqual([
      'connected',
      'degraded: Alpaca orders requests are failing; retrying',
      'degraded: Alpaca account, orders requests are failing; retrying',
      'degraded: Alpaca account requests are failing; retrying',
      'connected',
      'down: Alpaca refused the stream login',
    ]);
  });
});
