import type { FeedState } from '@shared/dto/system';
import type { ClusterSnapshot } from './cluster-client';

/** One state and a label a person can read, from the clusters' states and any unfilled gaps. */
export function describeFeed(
  clusters: readonly ClusterSnapshot[],
  gapErrors: ReadonlyMap<string, string>,
  filling: boolean,
  started: boolean,
): { state: FeedState; label: string } {
  if (!started) return { state: 'idle', label: 'Polygon feed stopped' };
  if (clusters.length === 0) return { state: 'idle', label: 'Polygon: no symbols subscribed' };
  const rejected = clusters.find((c) => c.phase === 'rejected');
  if (rejected) return { state: 'down', label: rejected.lastError ?? 'Polygon rejected the API key' };
  const waiting = clusters.filter((c) => c.phase !== 'live');
  const live = clusters.filter((c) => c.phase === 'live');
  if (live.length === 0) {
    const first = waiting[0]!;
    const retry = first.attempt > 0 ? ` (attempt ${first.attempt + 1}${first.lastError ? `: ${first.lastError}` : ''})` : '';
    return { state: 'connecting', label: `Connecting to Polygon ${waiting.map((c) => c.cluster).join(', ')}${retry}` };
  }
  const problems: string[] = [];
  for (const c of waiting) problems.push(`${c.cluster} reconnecting`);
  const unauthorized = live.flatMap((c) => c.unauthorized);
  if (unauthorized.length > 0) problems.push(`plan does not include ${unauthorized.slice(0, 4).join(', ')}${unauthorized.length > 4 ? ', …' : ''}`);
  if (gapErrors.size > 0) problems.push(`gap not filled for ${[...gapErrors.keys()].slice(0, 4).join(', ')}`);
  const names = live.map((c) => c.cluster).join(', ');
  if (problems.length > 0) return { state: 'degraded', label: `Polygon ${names} live; ${problems.join('; ')}` };
  return { state: 'live', label: filling ? `Polygon ${names} live; filling a gap` : `Polygon ${names} live` };
}
