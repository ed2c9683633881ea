import { describe, expect, it } from 'vitest';
import { createSettingsStore } from './settings-store';
import { FakeEngineClient, flush } from '../testing/fake-engine-client';
import { SETTINGS } from '../testing/fixtures';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('settings store', () => {
  it('starts loading and becomes ready with the engine settings', async () => {
    const client = new FakeEngineClient().handle('settings.get', () => SETTINGS);
    const store = createSettingsStore(client);
    expect(store.getState().status).toBe('loading');
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: SETTINGS, status: 'ready', error: null });
  });

  it('reports a failed load as an error', async () => {
    const client = new FakeEngineClient();
    const store = createSettingsStore(client);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: null, status: 'error', error: 'No handler for settings.get' });
  });

  it('shows an update at once and settles on what the engine stored', async () => {
    const reply = deferred<typeof SETTINGS>();
    const client = new FakeEngineClient().handle('settings.get', () => SETTINGS).handle('settings.update', () => reply.promise);
    const store = createSettingsStore(client);
    await store.getState().load();

    const saving = store.getState().update({ theme: 'light' });
    expect(store.getState()).toMatchObject({ status: 'saving', settings: { theme: 'light' } });
    expect(client.calls.at(-1)).toEqual({ method: 'settings.update', params: { theme: 'light' } });

    reply.resolve({ ...SETTINGS, theme: 'light' });
    await expect(saving).resolves.toMatchObject({ ok: true });
    expect(store.getState()).toMatchObject({ status: 'ready', settings: { theme: 'light' } });
  });

  it('puts the old value back when the engine refuses', async () => {
    const client = new FakeEngineClient()
      .handle('settings.get', () => SETTINGS)
      .handle('settings.update', () => Promise.reject(new Error('disk full')));
    const store = createSettingsStore(client);
    await store.getState().load();

    const outcome = await store.getState().update({ confirmOrders: false });
    expect(outcome).toEqual({ ok: false, message: 'disk full' });
    expect(store.getState()).toMatchObject({ status: 'error', error: 'disk full', settings: SETTINGS });
  });

  it('toggles the theme', async () => {
    const client = new FakeEngineClient()
      .handle('settings.get', () => SETTINGS)
      .handle('settings.update', (patch) => ({ ...SETTINGS, ...patch }));
    const store = createSettingsStore(client);
    await store.getState().load();
    await store.getState().toggleTheme();
    await flush();
    expect(store.getState().settings?.theme).toBe('light');
  });
});
