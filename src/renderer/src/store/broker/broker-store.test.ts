import { describe, expect, it } from 'vitest';
import { RpcError } from '@shared/client/rpc-error';
import type { BrokerStatus } from '@shared/dto/broker';
import { createBrokerStore, type BrokerStore } from './broker-store';
import { RECONCILIATION_CAP } from './reconciliation-list';
import { FakeEngineClient } from '../testing/fake-engine-client';
import { brokerStatus, difference, reconciliation } from '../testing/fixtures';

const SECRET = 'sEcReT0123456789abcdef';
const PASSPHRASE = 'correct horse battery';
const ALPACA = brokerStatus({
  broker: 'alpaca',
  label: 'Alpaca paper · PKAB…XZ',
  maskedKeyId: 'PKAB…XZ',
  storedKeys: true,
  vault: 'encrypted-file',
  since: 1_700_000_000_500,
});

/** Everything the store holds, as text: a key that leaked anywhere into state shows up here. */
function stateText(store: BrokerStore): string {
  return JSON.stringify(store.getState());
}

describe('broker store', () => {
  it('loads the status and the recent reports, newest first', async () => {
    const client = new FakeEngineClient()
      .handle('broker.status', () => ALPACA)
      .handle('broker.reconciliations', () => [reconciliation(1), reconciliation(3), reconciliation(2)]);
    const store = createBrokerStore(client);
    await store.getState().load();

    expect(store.getState().status).toEqual(ALPACA);
    expect(store.getState().reconciliations.map((r) => r.time)).toEqual([3, 2, 1]);
    expect(store.getState().error).toBeNull();
    expect(client.calls.find((c) => c.method === 'broker.reconciliations')?.params).toEqual({ limit: RECONCILIATION_CAP });
  });

  it('keeps the reports when the status fails to load, and says why', async () => {
    const client = new FakeEngineClient()
      .handle('broker.status', () => Promise.reject(new Error('engine busy')))
      .handle('broker.reconciliations', () => [reconciliation(7)]);
    const store = createBrokerStore(client);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: null, error: 'engine busy' });
    expect(store.getState().reconciliations).toHaveLength(1);
  });

  it('applies a newer pushed status and ignores an older one', () => {
    const store = createBrokerStore(new FakeEngineClient());
    store.getState().receiveStatus(ALPACA);
    const degraded = { ...ALPACA, state: 'degraded', detail: 'Stream closed; retrying in 2 s', since: ALPACA.since + 10 } satisfies BrokerStatus;
    store.getState().receiveStatus(degraded);
    store.getState().receiveStatus({ ...ALPACA, state: 'down', since: ALPACA.since - 1 });
    expect(store.getState().status).toMatchObject({ state: 'degraded', detail: 'Stream closed; retrying in 2 s' });
  });

  it(`caps the report list at ${RECONCILIATION_CAP}, dropping the oldest`, () => {
    const store = createBrokerStore(new FakeEngineClient());
    for (let time = 1; time <= RECONCILIATION_CAP + 5; time += 1) store.getState().receiveReconciliation(reconciliation(time));
    const list = store.getState().reconciliations;
    expect(list).toHaveLength(RECONCILIATION_CAP);
    expect(list[0]?.time).toBe(RECONCILIATION_CAP + 5);
    expect(list.at(-1)?.time).toBe(6);
  });

  it('raises a notice only for reports with differences, until dismissed', () => {
    const store = createBrokerStore(new FakeEngineClient());
    store.getState().receiveReconciliation(reconciliation(10));
    expect(store.getState().notices).toEqual([]);

    const found = reconciliation(20, [difference('Fill of 100 AAPL at 189.50 was missed; applied')]);
    store.getState().receiveReconciliation(found);
    expect(store.getState().notices).toEqual([found]);

    store.getState().dismissNotices();
    expect(store.getState()).toMatchObject({ notices: [], dismissedThrough: 20 });
    // The same report again (a reload after a reconnect) stays dismissed.
    store.getState().receiveReconciliation(found);
    expect(store.getState().notices).toEqual([]);
  });

  it('on load, shows a notice only when the latest check found differences', async () => {
    const stale = reconciliation(1, [difference('old, since resolved')]);
    const latest = reconciliation(2, [difference('Position AAPL: journal 100, broker 90')]);
    const client = new FakeEngineClient().handle('broker.status', () => ALPACA);
    client.handle('broker.reconciliations', () => [stale, reconciliation(3)]);
    const clean = createBrokerStore(client);
    await clean.getState().load();
    expect(clean.getState().notices).toEqual([]);

    client.handle('broker.reconciliations', () => [stale, latest]);
    const differing = createBrokerStore(client);
    await differing.getState().load();
    expect(differing.getState().notices).toEqual([latest]);
  });

  it('connects with the keys and keeps only the status the engine answers with', async () => {
    const client = new FakeEngineClient().handle('broker.alpaca.connect', () => ALPACA);
    const store = createBrokerStore(client);
    const outcome = await store.getState().connect({ keyId: 'PKABCDEFGHXZ', secret: SECRET, profile: 'paper', passphrase: PASSPHRASE });

    expect(outcome).toEqual({ ok: true });
    expect(store.getState().status).toEqual(ALPACA);
    expect(stateText(store)).not.toContain(SECRET);
    expect(stateText(store)).not.toContain(PASSPHRASE);
  });

  it('reports a refused connection without the secret, even when the engine quotes it', async () => {
    const client = new FakeEngineClient().handle('broker.alpaca.connect', () =>
      Promise.reject(new RpcError({ code: 'UNAUTHORIZED', message: `Alpaca said 401 for secret ${SECRET}` })),
    );
    const store = createBrokerStore(client);
    const outcome = await store.getState().connect({ keyId: 'PKABCDEFGHXZ', secret: SECRET, profile: 'live', confirmLive: true });

    expect(outcome).toEqual({ ok: false, error: 'Alpaca said 401 for secret ••••' });
    expect(store.getState().status).toBeNull();
    expect(stateText(store)).not.toContain(SECRET);
  });

  it('unlocks, goes back to paper and forgets keys through the engine', async () => {
    const unlocked = { ...ALPACA, since: ALPACA.since + 1 };
    const paper = brokerStatus({ storedKeys: true, since: ALPACA.since + 2 });
    const forgotten = brokerStatus({ since: ALPACA.since + 3 });
    const client = new FakeEngineClient()
      .handle('broker.alpaca.unlock', () => unlocked)
      .handle('broker.usePaper', () => paper)
      .handle('broker.alpaca.forget', () => forgotten);
    const store = createBrokerStore(client);

    expect(await store.getState().unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(store.getState().status?.broker).toBe('alpaca');
    expect(await store.getState().usePaper()).toEqual({ ok: true });
    expect(store.getState().status).toMatchObject({ broker: 'paper', storedKeys: true });
    expect(await store.getState().forget()).toEqual({ ok: true });
    expect(store.getState().status).toMatchObject({ broker: 'paper', storedKeys: false });
    expect(client.calls.find((c) => c.method === 'broker.alpaca.unlock')?.params).toEqual({ passphrase: PASSPHRASE });
    expect(stateText(store)).not.toContain(PASSPHRASE);
  });

  it('adds a manual reconciliation to the list and returns it', async () => {
    const report = reconciliation(42, [difference('Order o1: journal accepted, broker canceled', { kind: 'order_status' })], {
      reason: 'manual',
    });
    const client = new FakeEngineClient().handle('broker.reconcile', () => report);
    const store = createBrokerStore(client);
    expect(await store.getState().reconcile()).toEqual({ ok: true, report });
    expect(store.getState().reconciliations).toEqual([report]);
    expect(store.getState().notices).toEqual([report]);
  });

  it('turns a failed reconciliation into a message', async () => {
    const client = new FakeEngineClient().handle('broker.reconcile', () => Promise.reject(new Error('Broker is down')));
    const store = createBrokerStore(client);
    expect(await store.getState().reconcile()).toEqual({ ok: false, error: 'Broker is down' });
    expect(store.getState().reconciliations).toEqual([]);
  });
});
