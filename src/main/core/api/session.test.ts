import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '@shared/contract/envelope';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { recordingLogger } from '../../../../test/support/recording-logger';
import { EventHub } from '../events/event-hub';
import { Router } from './router';
import { Session } from './session';
import type { Handlers } from './handlers';

function setup() {
  const hub = new EventHub();
  const sent: ServerMessage[] = [];
  const logger = recordingLogger();
  const router = new Router({ 'system.ping': () => ({ time: 1 }) } as unknown as Handlers, logger);
  const session = new Session('test', router, hub, (message) => sent.push(message), logger);
  return { hub, sent, session, logger };
}

describe('Session', () => {
  it('refuses a frame that is not an envelope, echoing a readable id', async () => {
    const { session } = setup();
    expect(await session.handle({ kind: 'request', id: 9 })).toMatchObject({ id: 9, ok: false, error: { code: 'BAD_FRAME' } });
    expect(await session.handle([1, 2, 3])).toMatchObject({ id: null, ok: false, error: { code: 'BAD_FRAME' } });
    expect(await session.handle(null)).toMatchObject({ id: null, ok: false, error: { code: 'BAD_FRAME' } });
    expect(await session.handle({ kind: 'request', id: { evil: true }, method: 'x' })).toMatchObject({ id: null });
  });

  it('logs every refused request with its code', async () => {
    const { session, logger } = setup();
    await session.handle({ kind: 'request', id: 1, method: 'nope' });
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) }));
  });

  it('delivers events for subscribed topics only, until unsubscribed', async () => {
    const { session, hub, sent } = setup();
    expect(await session.handle({ kind: 'subscribe', id: 1, topic: 'settings.changed' })).toMatchObject({ ok: true });
    hub.publish('settings.changed', DEFAULT_SETTINGS);
    hub.publish('feed.status', { source: 'none', state: 'idle', label: 'x', since: 0 });
    expect(sent).toEqual([{ kind: 'event', topic: 'settings.changed', payload: DEFAULT_SETTINGS }]);
    await session.handle({ kind: 'unsubscribe', id: 2, topic: 'settings.changed' });
    hub.publish('settings.changed', DEFAULT_SETTINGS);
    expect(sent).toHaveLength(1);
  });

  it('subscribes once however often it is asked', async () => {
    const { session, hub } = setup();
    await session.handle({ kind: 'subscribe', id: 1, topic: 'log.entry' });
    await session.handle({ kind: 'subscribe', id: 2, topic: 'log.entry' });
    expect(hub.listenerCount('log.entry')).toBe(1);
  });

  it('refuses an unknown topic', async () => {
    const { session } = setup();
    expect(await session.handle({ kind: 'subscribe', id: 1, topic: 'orders.secret' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_TOPIC' },
    });
  });

  it('drops all of its subscriptions when closed', async () => {
    const { session, hub } = setup();
    await session.handle({ kind: 'subscribe', id: 1, topic: 'log.entry' });
    await session.handle({ kind: 'subscribe', id: 2, topic: 'feed.status' });
    session.close();
    expect(hub.listenerCount('log.entry') + hub.listenerCount('feed.status')).toBe(0);
  });
});
