import { describe, expect, it } from 'vitest';
import { appendCapped, mergeBySeq } from './log-buffer';
import { logEntry } from '../testing/fixtures';

const seqs = (entries: { seq: number }[]): number[] => entries.map((entry) => entry.seq);

describe('appendCapped', () => {
  it('appends without touching the original array', () => {
    const original = [logEntry(1)];
    const next = appendCapped(original, logEntry(2), 10);
    expect(seqs(next)).toEqual([1, 2]);
    expect(seqs(original)).toEqual([1]);
  });

  it('drops the oldest entries beyond the cap', () => {
    const entries = [1, 2, 3].map((seq) => logEntry(seq));
    expect(seqs(appendCapped(entries, logEntry(4), 3))).toEqual([2, 3, 4]);
  });
});

describe('mergeBySeq', () => {
  it('orders by sequence number and keeps each one once', () => {
    const merged = mergeBySeq([logEntry(1), logEntry(2), logEntry(3)], [logEntry(3), logEntry(4)], 10);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
  });

  it('keeps only the newest entries beyond the cap', () => {
    const merged = mergeBySeq([logEntry(1), logEntry(2)], [logEntry(3), logEntry(4)], 3);
    expect(seqs(merged)).toEqual([2, 3, 4]);
  });
});
