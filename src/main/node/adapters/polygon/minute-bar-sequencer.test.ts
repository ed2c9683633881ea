import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../core/market-data/types';
import { MinuteBarSequencer } from './minute-bar-sequencer';

const M = 60_000;
const bar = (minute: number, trades: number | null = null): Bar => ({ time: minute * M, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10, vwap: 1.2, trades });

describe('MinuteBarSequencer', () => {
  it('emits each minute once, in order, across a filled gap', () => {
    const emitted: number[] = [];
    const seq = new MinuteBarSequencer((_, b) => emitted.push(b.time / M));
    seq.track('A', 10 * M + 5_000);
    seq.live('A', bar(9)); // before the session
    seq.live('A', bar(10));
    seq.live('A', bar(11));
    seq.hold('A');
    seq.live('A', bar(15)); // streamed after the reconnect, held
    expect(seq.nextExpected('A')).toBe(12 * M);
    seq.absorb('A', [bar(11, 5), bar(12, 5), bar(14, 5), bar(15, 5)]);
    seq.release('A');
    seq.live('A', bar(15)); // late duplicate
    seq.live('A', bar(16));
    expect(emitted).toEqual([10, 11, 12, 14, 15, 16]);
    expect(seq.duplicates).toBe(3); // 9, REST 11, stream 15 again
  });

  it('gives gap bars the streamed shape (no trade count)', () => {
    const emitted: Bar[] = [];
    const seq = new MinuteBarSequencer((_, b) => emitted.push(b));
    seq.track('A', 0);
    seq.hold('A');
    seq.absorb('A', [bar(1, 42)]);
    seq.release('A');
    expect(emitted[0]?.trades).toBeNull();
  });
});
