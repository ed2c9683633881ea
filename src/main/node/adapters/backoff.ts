import type { RandomSource } from '../../core/ports/random';

export interface BackoffPolicy {
  /** Ceiling of the first retry's wait. */
  baseMs: number;
  /** No wait exceeds this. */
  capMs: number;
}

export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };
export const REST_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };

/**
 * "Full jitter": a uniform wait in [0, min(cap, base·2^attempt)). Spreading retries over the
 * whole window keeps many clients (or symbols) from hammering the server in lockstep.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random.next() * ceiling);
}

/** A wait in [ceiling/2, ceiling) of the same window: never short, still spread so clients do not retry in step. */
export function halfJitterDelay(attempt: number, policy: BackoffPolicy, random: RandomSource): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(ceiling / 2 + (random.next() * ceiling) / 2);
}

/** Node's Math.random as a RandomSource, for live use; tests pass a seeded one. */
export const mathRandom: RandomSource = { next: () => Math.random() };
