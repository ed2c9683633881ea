import { z } from 'zod';
import { SecretVaultError, type AlpacaKeys } from './secret-vault';

/** The plaintext inside every vault: what gets encrypted, never what gets written. */
const StoredKeys = z.strictObject({
  keyId: z.string().min(1),
  secret: z.string().min(1),
  profile: z.enum(['paper', 'live']),
});

/** The keys as the JSON text a vault encrypts. Refuses empty or malformed keys. */
export function encodeKeys(keys: AlpacaKeys): string {
  const parsed = StoredKeys.safeParse({ keyId: keys.keyId, secret: keys.secret, profile: keys.profile });
  // The zod issue is not echoed: it could quote the secret.
  if (!parsed.success) throw new SecretVaultError('invalid-keys', 'The keys need a key id, a secret and a paper or live profile');
  return JSON.stringify(parsed.data);
}

/** The keys from decrypted text; anything else means the vault is not ours. */
export function decodeKeys(text: string): AlpacaKeys {
  const parsed = StoredKeys.safeParse(parseJson(text));
  if (!parsed.success) throw new SecretVaultError('corrupt', 'The stored keys are not in a format Kestrel knows');
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
