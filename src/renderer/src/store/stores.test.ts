import { describe, expect, it } from 'vitest';
import { attachStores, createStores } from './stores';
import { FakeEngineClient, flush } from './testing/fake-engine-client';
import { INFO, SETTINGS, feedStatus, logEntry } from './testing/fixtures';

function engine(): FakeEngineClient {
  return new FakeEngineClient()
    .handle('system.info', () => INFO)
    .handle('feed.status', () => feedStatus('No feed', 1))
    .handle('settings.get', () => SETTINGS)
    .handle('settings.update', (patch) => ({ ...SETTINGS, ...patch }))
    .handle('log.recent', () => [logEntry(1), logEntry(2)]);
}

describe('attachStores', () => {
  it('loads everything once the transport opens', async () => {
    const client = engine();
    const stores = createStores(client);
    attachStores(client, stores);
    expect(stores.connection.getState().transport).toBe('connecting');
    expect(client.calls).toEqual([]);

    client.setState('open');
    await flush();

    expect(stores.connection.getState()).toMatchObject({ transport: 'open', hasBeenOpen: true, info: INFO });
    expect(stores.connection.getState().feed?.label).toBe('No feed');
    expect(stores.settings.getState()).toMatchObject({ settings: SETTINGS, status: 'ready' });
    expect(stores.log.getState().entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(client.calls.find((c) => c.method === 'log.recent')?.params).toEqual({ limit: 200 });
  });

  it('reloads after the connection drops and comes back', async () => {
    const client = engine();
    const stores = createStores(client);
    attachStores(client, stores);
    client.setState('open');
    await flush();
    client.setState('connecting');
    expect(stores.connection.getState()).toMatchObject({ transport: 'connecting', hasBeenOpen: true });

    client.setState('open');
    await flush();
    expect(client.callsTo('system.info')).toBe(2);
    expect(client.callsTo('settings.get')).toBe(2);
    expect(client.callsTo('log.recent')).toBe(2);
  });

  it('applies pushed events', async () => {
    const client = engine();
    const stores = createStores(client);
    attachStores(client, stores);
    client.setState('open');
    await flush();

    client.emit('log.entry', logEntry(3));
    client.emit('settings.changed', { ...SETTINGS, theme: 'light' });
    client.emit('feed.status', feedStatus('Replay', 5));
    client.emit('feed.status', feedStatus('stale', 2));

    expect(stores.log.getState().entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(stores.settings.getState().settings?.theme).toBe('light');
    expect(stores.connection.getState().feed?.label).toBe('Replay');
  });

  it('stops listening when detached', async () => {
    const client = engine();
    const stores = createStores(client);
    const detach = attachStores(client, stores);
    detach();
    client.setState('open');
    client.emit('log.entry', logEntry(9));
    await flush();
    expect(client.calls).toEqual([]);
    expect(stores.log.getState().entries).toEqual([]);
  });
});
