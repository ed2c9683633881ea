import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('delivers only the newest value per key in one frame', () => {
    const coalescer = new Coalescer<number>();
    for (let i = 0; i < 1000; i += 1) coalescer.put(i % 2 === 0 ? 'SPY' : 'QQQ', i);
    const seen: [string, number][] = [];
    coalescer.drain((value, key) => seen.push([key, value]));
    expect(seen).toEqual([
      ['SPY', 998],
      ['QQQ', 999],
    ]);
    coalescer.drain(() => {
      throw new Error('nothing should be pending');
    });
  });
});
