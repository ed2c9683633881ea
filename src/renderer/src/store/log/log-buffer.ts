import type { LogEntry } from '@shared/dto/log';

/** Most entries the log view keeps; older ones drop off the top. */
export const LOG_CAP = 1000;

/** How many entries to fetch when (re)loading. */
export const LOG_RECENT_LIMIT = 200;

/** A new array with the entry appended and at most `cap` of the newest entries. */
export function appendCapped(entries: readonly LogEntry[], entry: LogEntry, cap: number = LOG_CAP): LogEntry[] {
  const start = Math.max(0, entries.length + 1 - cap);
  const next = entries.slice(start);
  next.push(entry);
  return next;
}

/**
 * Joins a fetched batch with entries pushed while the fetch was in flight: ordered by
 * sequence number, each sequence number once, at most `cap` of the newest.
 */
export function mergeBySeq(base: readonly LogEntry[], extra: readonly LogEntry[], cap: number = LOG_CAP): LogEntry[] {
  const bySeq = new Map<number, LogEntry>();
  for (const entry of base) bySeq.set(entry.seq, entry);
  for (const entry of extra) bySeq.set(entry.seq, entry);
  const merged = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}
