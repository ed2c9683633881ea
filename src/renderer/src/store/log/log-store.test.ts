import { describe, expect, it } from 'vitest';
import type { LogEntry } from '@shared/dto/log';
import { createLogStore } from './log-store';
import { FakeEngineClient } from '../testing/fake-engine-client';
import { logEntry } from '../testing/fixtures';

const seqs = (entries: LogEntry[]): number[] => entries.map((entry) => entry.seq);

describe('log store', () => {
  it('keeps entries pushed while the recent batch was being fetched', async () => {
    let answer: (entries: LogEntry[]) => void = () => {};
    const client = new FakeEngineClient().handle('log.recent', () => new Promise((resolve) => (answer = resolve)));
    const store = createLogStore(client);

    const loading = store.getState().load();
    store.getState().append(logEntry(3));
    answer([logEntry(1), logEntry(2), logEntry(3)]);
    await loading;

    expect(seqs(store.getState().entries)).toEqual([1, 2, 3]);
    expect(store.getState().status).toBe('ready');
  });

  it('caps appended entries', async () => {
    const client = new FakeEngineClient().handle('log.recent', () => [logEntry(1), logEntry(2)]);
    const store = createLogStore(client, 3);
    await store.getState().load();
    for (const seq of [3, 4, 5]) store.getState().append(logEntry(seq));
    expect(seqs(store.getState().entries)).toEqual([3, 4, 5]);
  });
});
