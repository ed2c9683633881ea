import { describe, expect, it } from 'vitest';
import type { LoadedSeries } from './load-series';
import { SeriesCache } from './series-cache';

const loaded = (tag: number): LoadedSeries => ({ series: [], warmupBars: tag });

describe('SeriesCache', () => {
  it('reuses a load while the data version holds, reloads when it moves, keeps two', () => {
    const cache = new SeriesCache();
    let loads = 0;
    const load = () => loaded(++loads);
    expect(cache.get('A', 'v1', load).warmupBars).toBe(1);
    expect(cache.get('A', 'v1', load).warmupBars).toBe(1);
    expect(cache.get('A', 'v2', load).warmupBars).toBe(2);
    expect(cache.get('B', 'v2', load).warmupBars).toBe(3);
    expect(cache.get('C', 'v2', load).warmupBars).toBe(4);
    expect(cache.get('B', 'v2', load).warmupBars).toBe(3);
    expect(cache.get('A', 'v2', load).warmupBars).toBe(5); // evicted by C
    expect(cache.get('A', null, load).warmupBars).toBe(6); // no version: never cached
  });
});
