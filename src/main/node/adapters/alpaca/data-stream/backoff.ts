import type { BackoffPolicy } from '../../backoff';

/** After a 406 the key's one slot is taken; retrying every few seconds would only fight for it. */
export const CONNECTION_LIMIT_BACKOFF: BackoffPolicy = { baseMs: 30_000, capMs: 600_000 };
