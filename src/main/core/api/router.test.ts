import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import type { EngineInfo } from '@shared/dto/system';
import { recordingLogger } from '../../../../test/support/recording-logger';
import type { Handlers } from './handlers';
import { DomainError } from './domain-error';
import { Router } from './router';

const info: EngineInfo = {
  name: 'Kestrel',
  version: '0.0.0',
  protocol: 1,
  host: 'headless',
  mode: 'paper',
  dataDir: '/tmp/x',
  startedAt: 0,
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'system.info': () => info,
    'system.ping': ({ echo }) => ({ ...(echo === undefined ? {} : { echo }), time: 42 }),
    'settings.get': () => DEFAULT_SETTINGS,
    'settings.update': () => DEFAULT_SETTINGS,
    'log.recent': () => [],
    'feed.status': () => ({ source: 'none', state: 'idle', label: 'No feed', since: 0 }),
    ...overrides,
  } as Handlers;
}

describe('Router', () => {
  it('answers a valid request with the handler result', async () => {
    const router = new Router(handlers(), recordingLogger());
    expect(await router.dispatch(7, 'system.ping', { echo: 'hi' })).toEqual({
      kind: 'response',
      id: 7,
      ok: true,
      result: { echo: 'hi', time: 42 },
    });
  });

  it('treats missing params as an empty object', async () => {
    const router = new Router(handlers(), recordingLogger());
    const response = await router.dispatch(1, 'system.info', undefined);
    expect(response.ok).toBe(true);
  });

  it('refuses an unknown method, including names on Object.prototype', async () => {
    const router = new Router(handlers(), recordingLogger());
    for (const method of ['orders.teleport', 'constructor', '__proto__', 'toString']) {
      const response = await router.dispatch(1, method, {});
      expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses params that break the schema and says where', async () => {
    const router = new Router(handlers(), recordingLogger());
    const response = await router.dispatch(3, 'settings.update', { theme: 'purple' });
    expect(response).toMatchObject({ id: 3, ok: false, error: { code: 'INVALID_PARAMS' } });
    if (response.ok) throw new Error('expected an error');
    expect(response.error.issues?.[0]?.path).toBe('theme');
  });

  it('refuses unknown keys rather than ignoring them', async () => {
    const router = new Router(handlers(), recordingLogger());
    const response = await router.dispatch(3, 'system.info', { extra: true });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  });

  it('passes a DomainError through with its code', async () => {
    const router = new Router(
      handlers({
        'feed.status': () => {
          throw new DomainError('UNAVAILABLE', 'Feed offline');
        },
      }),
      recordingLogger(),
    );
    expect(await router.dispatch(1, 'feed.status', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Feed offline' },
    });
  });

  it('hides an unexpected failure behind INTERNAL and logs the details', async () => {
    const logger = recordingLogger();
    const router = new Router(
      handlers({
        'log.recent': () => {
          throw new Error('disk exploded at /secret/path');
        },
      }),
      logger,
    );
    const response = await router.dispatch(1, 'log.recent', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(response)).not.toContain('/secret/path');
    expect(logger.entries.some((e) => e.level === 'error' && String(e.fields?.error).includes('disk exploded'))).toBe(true);
  });

  it('refuses to send a result that breaks the contract', async () => {
    const router = new Router(handlers({ 'system.info': () => ({ ...info, mode: 'yolo' }) as unknown as EngineInfo }), recordingLogger());
    expect(await router.dispatch(1, 'system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
