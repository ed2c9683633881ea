import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub';

describe('EventHub', () => {
  it('keeps delivering to other listeners when one throws', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    hub.subscribe('app.command', () => {
      throw new Error('boom');
    });
    hub.subscribe('app.command', (payload) => seen.push(payload.command));
    hub.publish('app.command', { command: 'open-settings' });
    expect(seen).toEqual(['open-settings']);
  });

  it('stops delivering after unsubscribe', () => {
    const hub = new EventHub();
    let count = 0;
    const off = hub.subscribe('app.command', () => (count += 1));
    hub.publish('app.command', { command: 'toggle-theme' });
    off();
    hub.publish('app.command', { command: 'toggle-theme' });
    expect(count).toBe(1);
  });
});
