import type { RandomSource } from '../../../../core/ports/random';
import type { BackoffPolicy } from '../../polygon/backoff';

/** After a 406 the key's one slot is taken; retrying every few seconds would only fight for it. */
export const CONNECTION_LIMIT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 600_000 };

/** A wait in [ceiling/2, ceiling): never short, still spread so clients do not retry in step. */
export function halfJitterDelay(attempt: number, policy: BackoffPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(ceiling / 2 + (random.next() * ceiling) / 2);
}
