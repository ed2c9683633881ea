import { describe, expect, it } from 'vitest';
import type { LoadedSeries } from './load-series';
import { SeriesCache } from './series-cache';

const loaded = (tag: number): Promise<LoadedSeries> => Promise.resolve({ series: [], warmupBars: tag });

describe('SeriesCache', () => {
  it('reuses a load while the data version holds, reloads when it moves, keeps two', async () => {
    const cache = new SeriesCache();
    let loads = 0;
    const load = () => loaded(++loads);
    expect((await cache.get('A', 'v1', load)).warmupBars).toBe(1);
    expect((await cache.get('A', 'v1', load)).warmupBars).toBe(1);
    expect((await cache.get('A', 'v2', load)).warmupBars).toBe(2);
    expect((await cache.get('B', 'v2', load)).warmupBars).toBe(3);
    expect((await cache.get('C', 'v2', load)).warmupBars).toBe(4);
    expect((await cache.get('B', 'v2', load)).warmupBars).toBe(3);
    expect((await cache.get('A', 'v2', load)).warmupBars).toBe(5); // evicted by C
    expect((await cache.get('A', null, load)).warmupBars).toBe(6); // no version: never cached
  });

  it('does not keep a load that failed', async () => {
    const cache = new SeriesCache();
    await expect(cache.get('A', 'v1', () => Promise.reject(new Error('no bars')))).rejects.toThrow('no bars');
    expect((await cache.get('A', 'v1', loaded.bind(null, 7))).warmupBars).toBe(7);
  });
});
