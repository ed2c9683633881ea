/**
 * Where the broker keys rest between runs. Never in plain text: the desktop uses the OS's safe
 * storage (src/main/electron/safe-storage-vault.ts), serve mode a passphrase-encrypted file
 * (encrypted-file-vault.ts). The keys go in and come out only through this port.
 */
export interface AlpacaKeys {
  readonly keyId: string;
  readonly secret: string;
  /** Which account the keys belong to: a paper key never trades live by mistake. */
  readonly profile: 'paper' | 'live';
}

export interface SecretVault {
  readonly kind: 'electron-safe-storage' | 'encrypted-file';
  /** Stored keys exist. */
  has(): boolean;
  /** Stored keys exist but cannot be read until unlock (passphrase vaults only). */
  locked(): boolean;
  /**
   * Checks the passphrase against the stored keys and keeps it in memory, so load and save work;
   * resolves with the keys it opened (one key derivation, not two), null when empty. Rejects
   * with 'wrong-passphrase' (state unchanged).
   */
  unlock(passphrase: string): Promise<AlpacaKeys | null>;
  /** The stored keys, or null when there are none. Rejects with 'locked' while locked. */
  load(): Promise<AlpacaKeys | null>;
  /**
   * Stores the keys, replacing any stored ones. A passphrase vault encrypts under `passphrase`
   * when given (and keeps it, unlocked), else under the one held since unlock or the last save;
   * the OS vault ignores it.
   */
  save(keys: AlpacaKeys, passphrase?: string): Promise<void>;
  /** Removes the stored keys and forgets the passphrase. */
  clear(): Promise<void>;
}

export type SecretVaultErrorCode =
  /** Stored keys exist and no passphrase is held. */
  | 'locked'
  /** Nothing to encrypt under: give a passphrase with the first save. */
  | 'passphrase-required'
  | 'weak-passphrase'
  /** The passphrase is wrong, or the file was altered (AES-GCM cannot tell the two apart). */
  | 'wrong-passphrase'
  /** The vault file is not one we wrote. */
  | 'corrupt'
  | 'invalid-keys'
  /** The OS offers no real encryption here, so nothing is stored. */
  | 'unavailable';

/** Messages never carry a key or a passphrase. */
export class SecretVaultError extends Error {
  override readonly name = 'SecretVaultError';

  constructor(
    readonly code: SecretVaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}
