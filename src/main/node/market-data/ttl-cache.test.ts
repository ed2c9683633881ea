import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

function counting(values: (string | Error)[]) {
  let calls = 0;
  const load = () => {
    const value = values[calls] ?? 'last';
    calls += 1;
    return value instanceof Error ? Promise.reject(value) : Promise.resolve(value);
  };
  return { load, calls: () => calls };
}

describe('TtlCache', () => {
  it('answers from the cache until the entry is 60 s old, then loads again', async () => {
    let now = 1_000;
    const cache = new TtlCache<string>(60_000, () => now);
    const source = counting(['first', 'second']);
    expect(await cache.get('AAPL', source.load)).toBe('first');
    now += 59_999;
    expect(await cache.get('AAPL', source.load)).toBe('first');
    now += 1;
    expect(await cache.get('AAPL', source.load)).toBe('second');
    expect(source.calls()).toBe(2);
  });

  it('shares one request between concurrent asks and keys apart', async () => {
    const cache = new TtlCache<string>(60_000, () => 0);
    const source = counting(['a', 'b']);
    const [one, two] = await Promise.all([cache.get('AAPL', source.load), cache.get('AAPL', source.load)]);
    expect([one, two]).toEqual(['a', 'a']);
    expect(await cache.get('MSFT', source.load)).toBe('b');
    expect(source.calls()).toBe(2);
  });

  it('forgets a failure, so the next ask tries again', async () => {
    const cache = new TtlCache<string>(60_000, () => 0);
    const source = counting([new Error('429'), 'ok']);
    await expect(cache.get('AAPL', source.load)).rejects.toThrow('429');
    expect(await cache.get('AAPL', source.load)).toBe('ok');
    expect(source.calls()).toBe(2);
  });

  it('drops the oldest entry when full', async () => {
    const cache = new TtlCache<string>(60_000, () => 0, 2);
    const source = counting(['a', 'b', 'c', 'a again']);
    await cache.get('A', source.load);
    await cache.get('B', source.load);
    await cache.get('C', source.load);
    expect(cache.size).toBe(2);
    expect(await cache.get('A', source.load)).toBe('a again');
  });
});
