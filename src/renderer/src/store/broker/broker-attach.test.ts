import { describe, expect, it } from 'vitest';
import { attachStores, createStores } from '../stores';
import { FakeEngineClient, flush } from '../testing/fake-engine-client';
import { brokerStatus, difference, reconciliation } from '../testing/fixtures';

const T0 = 1_700_000_000_000;

function engine(): FakeEngineClient {
  return new FakeEngineClient()
    .handle('broker.status', () => brokerStatus({ since: T0 }))
    .handle('broker.reconciliations', () => [reconciliation(T0 - 1)]);
}

describe('the broker store in the app stores', () => {
  it('loads the status and the reports each time the transport opens', async () => {
    const client = engine();
    const stores = createStores(client);
    attachStores(client, stores);
    client.setState('open');
    await flush();
    expect(stores.broker.getState().status?.label).toBe('Paper broker (simulated fills)');
    expect(stores.broker.getState().reconciliations).toHaveLength(1);

    client.setState('connecting');
    client.setState('open');
    await flush();
    expect(client.callsTo('broker.status')).toBe(2);
    expect(client.callsTo('broker.reconciliations')).toBe(2);
    expect(stores.broker.getState().reconciliations).toHaveLength(1);
  });

  it('follows the broker topics until detached', () => {
    const client = engine();
    const stores = createStores(client);
    const detach = attachStores(client, stores);
    client.emit('broker.status', brokerStatus({ broker: 'alpaca', mode: 'live', state: 'down', detail: 'Keys rejected', since: T0 + 5 }));
    client.emit('broker.reconciliation', reconciliation(T0 + 6, [difference('Cash: journal 1000.00, broker 990.00', { kind: 'cash' })]));
    expect(stores.broker.getState().status).toMatchObject({ mode: 'live', state: 'down', detail: 'Keys rejected' });
    expect(stores.broker.getState().notices).toHaveLength(1);

    detach();
    client.emit('broker.status', brokerStatus({ since: T0 + 9 }));
    expect(stores.broker.getState().status?.mode).toBe('live');
  });
});
