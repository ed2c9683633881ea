import { describe, expect, it } from 'vitest';
import { NOTICE_CAP, mergeReports, unreadNotices } from './reconciliation-list';
import { REDACTED, redact } from './redact';
import { difference, reconciliation } from '../testing/fixtures';

const times = (reports: readonly { time: number }[]): number[] => reports.map((report) => report.time);

describe('mergeReports', () => {
  it('orders newest first and keeps each report once', () => {
    const merged = mergeReports([reconciliation(2), reconciliation(1)], [reconciliation(3), reconciliation(2)]);
    expect(times(merged)).toEqual([3, 2, 1]);
  });

  it('tells apart reports of the same millisecond with different reasons', () => {
    const merged = mergeReports([reconciliation(5, [], { reason: 'start' })], [reconciliation(5, [], { reason: 'manual' })]);
    expect(merged.map((report) => report.reason).sort()).toEqual(['manual', 'start']);
  });

  it('drops the oldest beyond the cap', () => {
    const incoming = [1, 2, 3, 4, 5].map((time) => reconciliation(time));
    expect(times(mergeReports([], incoming, 3))).toEqual([5, 4, 3]);
  });
});

describe('unreadNotices', () => {
  const found = (time: number) => reconciliation(time, [difference(`diff ${time}`)]);

  it('takes reports with differences newer than the last dismissal', () => {
    const notices = unreadNotices([], [found(10), reconciliation(11), found(12)], 10);
    expect(times(notices)).toEqual([12]);
  });

  it('returns the same list when nothing new was found, so views do not re-render', () => {
    const current = [found(4)];
    expect(unreadNotices(current, [reconciliation(9)], 0)).toBe(current);
  });

  it(`lists at most ${NOTICE_CAP} notices`, () => {
    const incoming = [1, 2, 3, 4, 5, 6, 7].map(found);
    expect(times(unreadNotices([], incoming, 0))).toEqual([7, 6, 5, 4, 3]);
  });
});

describe('redact', () => {
  it('replaces every occurrence of a secret, trimmed as the engine trims it', () => {
    const message = 'Alpaca refused secret abcdefghijklmnop (abcdefghijklmnop)';
    expect(redact(message, ['  abcdefghijklmnop ', undefined])).toBe(`Alpaca refused secret ${REDACTED} (${REDACTED})`);
  });

  it('leaves a message alone when the values are too short to be secrets', () => {
    expect(redact('a bad key', ['a', ''])).toBe('a bad key');
  });
});
