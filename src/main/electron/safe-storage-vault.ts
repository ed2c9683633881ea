import { safeStorage } from 'electron';
import { existsSync } from 'node:fs';
import { SecretVaultError, type AlpacaKeys, type SecretVault } from '../node/secrets/secret-vault';
import { decodeKeys, encodeKeys } from '../node/secrets/stored-keys';
import { readFileIfExists, removeFile, writeFileAtomic } from '../node/secrets/vault-file';

/**
 * Desktop: the keys encrypted by the OS (Keychain, DPAPI, libsecret/kwallet) through Electron's
 * safeStorage, the encrypted bytes in one file (`<userData>/keys.safe`). Nothing to unlock: the
 * OS account is the passphrase. Use only after the app's `ready` event.
 */
export class SafeStorageVault implements SecretVault {
  readonly kind = 'electron-safe-storage';

  constructor(private readonly file: string) {}

  has(): boolean {
    return existsSync(this.file);
  }

  locked(): boolean {
    return false;
  }

  /** Nothing to unlock: the keys as load() reads them. */
  unlock(): Promise<AlpacaKeys | null> {
    return this.load();
  }

  async load(): Promise<AlpacaKeys | null> {
    const encrypted = await readFileIfExists(this.file);
    if (!encrypted) return null;
    requireEncryption();
    let text: string;
    try {
      text = safeStorage.decryptString(encrypted);
    } catch {
      throw new SecretVaultError('corrupt', 'The OS could not decrypt the stored keys (another user, or a reset keyring)');
    }
    return decodeKeys(text);
  }

  /** The passphrase is not used: the OS holds the encryption key. */
  async save(keys: AlpacaKeys): Promise<void> {
    const plaintext = encodeKeys(keys);
    requireEncryption();
    await writeFileAtomic(this.file, safeStorage.encryptString(plaintext));
  }

  clear(): Promise<void> {
    return removeFile(this.file);
  }
}

/** Refuses rather than store keys the OS would only obscure. */
function requireEncryption(): void {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new SecretVaultError('unavailable', 'The OS offers no encryption for stored secrets here; keys are not stored');
  }
  // Without a keyring Linux falls back to a fixed, public password: as good as plain text.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new SecretVaultError(
      'unavailable',
      'No keyring (GNOME Keyring or KWallet) is running, so keys are not stored; start one, or set the keys in the environment',
    );
  }
}
