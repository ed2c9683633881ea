/** What stands in for a secret in a message shown to the user. */
export const REDACTED = '••••';

/**
 * Replaces every occurrence of the given secrets in a message, so an engine or transport
 * error that quotes its input never puts a key on screen or into a store.
 */
export function redact(message: string, secrets: readonly (string | undefined)[]): string {
  let result = message;
  for (const secret of secrets) {
    const value = secret?.trim() ?? '';
    // Very short values would blank out ordinary words; the contract rejects them anyway.
    if (value.length >= 4) result = result.split(value).join(REDACTED);
  }
  return result;
}
