import { DomainError } from '../../core/api/domain-error';
import { SecretVaultError } from '../secrets/secret-vault';

const CODES = {
  locked: 'CONFLICT',
  'passphrase-required': 'INVALID_PARAMS',
  'weak-passphrase': 'INVALID_PARAMS',
  'invalid-keys': 'INVALID_PARAMS',
  'wrong-passphrase': 'UNAUTHORIZED',
  corrupt: 'CONFLICT',
  unavailable: 'UNAVAILABLE',
} as const satisfies Record<SecretVaultError['code'], DomainError['code']>;

/**
 * Why keys could not be stored, as the client should see it. A vault's messages never carry
 * a key or a passphrase; a file-system error is named by its code alone (no paths).
 */
export function vaultProblem(error: unknown): DomainError {
  if (error instanceof SecretVaultError) return new DomainError(CODES[error.code], error.message);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new DomainError('UNAVAILABLE', `The keys could not be stored in the data directory${typeof code === 'string' ? ` (${code})` : ''}`);
}
