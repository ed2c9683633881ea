import type { ErrorCode } from '@shared/contract/errors';

/**
 * An expected failure a handler reports to the caller (not found, conflict, unavailable).
 * Anything else thrown by a handler is a bug and reaches the caller only as INTERNAL.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
  ) {
    super(message);
  }
}
