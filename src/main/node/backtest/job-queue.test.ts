import { describe, expect, it } from 'vitest';
import { JobQueue } from './job-queue';

describe('JobQueue', () => {
  it('hands out queued jobs, waits for jobs queued later, and ends after the last completion', async () => {
    const queue = new JobQueue<string>(3);
    queue.push('a');
    queue.push('b');
    expect(await queue.next()).toBe('a');
    expect(await queue.next()).toBe('b');
    const waiting = queue.next();
    queue.complete();
    queue.complete();
    queue.push('c');
    expect(await waiting).toBe('c');
    const idle = queue.next();
    queue.complete();
    expect(await idle).toBeNull();
    expect(await queue.next()).toBeNull();
  });

  it('releases every waiting worker and drops queued jobs when closed', async () => {
    const queue = new JobQueue<number>(10);
    const waiters = [queue.next(), queue.next()];
    queue.close();
    expect(await Promise.all(waiters)).toEqual([null, null]);
    queue.push(1);
    expect(await queue.next()).toBeNull();
  });
});
