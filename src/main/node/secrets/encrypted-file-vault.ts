import { existsSync } from 'node:fs';
import { decodeKeys, encodeKeys } from './stored-keys';
import { DEFAULT_SCRYPT_COST, openEnvelope, parseEnvelope, sealEnvelope, serializeEnvelope, type PassphraseEnvelope, type ScryptCost } from './passphrase-envelope';
import { MIN_PASSPHRASE_LENGTH } from '@shared/dto/broker';
import { SecretVaultError, type AlpacaKeys, type SecretVault } from './secret-vault';
import { readFileIfExists, removeFile, writeFileAtomic } from './vault-file';

/**
 * Serve mode: the keys in one file (`<dataDir>/keys.vault`), AES-256-GCM under a key scrypt
 * derives from the user's passphrase. The passphrase lives only in this object's memory, from
 * unlock (or a save) until clear, so the vault can re-encrypt; it is never written or logged.
 * Operations run one at a time, so a clear never races a save.
 */
export class EncryptedFileVault implements SecretVault {
  readonly kind = 'encrypted-file';
  /** UTF-8 of the NFC form, so the same passphrase typed on another OS still opens the file. */
  #passphrase: Buffer | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {}

  has(): boolean {
    return existsSync(this.file);
  }

  locked(): boolean {
    return this.#passphrase === null && this.has();
  }

  unlock(passphrase: string): Promise<AlpacaKeys | null> {
    return this.serially(async () => {
      const candidate = encode(passphrase);
      const envelope = await this.readEnvelope();
      if (!envelope) {
        candidate.fill(0);
        return null;
      }
      let keys: AlpacaKeys;
      try {
        keys = decodeKeys(await openEnvelope(envelope, candidate));
      } catch (error) {
        candidate.fill(0);
        throw error;
      }
      this.hold(candidate);
      return keys;
    });
  }

  load(): Promise<AlpacaKeys | null> {
    return this.serially(async () => {
      const envelope = await this.readEnvelope();
      if (!envelope) return null;
      if (!this.#passphrase) throw new SecretVaultError('locked', 'The stored keys are locked: unlock them with the passphrase');
      return decodeKeys(await openEnvelope(envelope, this.#passphrase));
    });
  }

  save(keys: AlpacaKeys, passphrase?: string): Promise<void> {
    return this.serially(async () => {
      const plaintext = encodeKeys(keys);
      if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new SecretVaultError('weak-passphrase', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
      }
      const next = passphrase === undefined ? this.#passphrase : encode(passphrase);
      if (!next) {
        throw this.has()
          ? new SecretVaultError('locked', 'The stored keys are locked: unlock them, or give a passphrase to replace them')
          : new SecretVaultError('passphrase-required', 'A passphrase is needed to store the keys encrypted');
      }
      try {
        await writeFileAtomic(this.file, serializeEnvelope(await sealEnvelope(plaintext, next, this.cost)));
      } catch (error) {
        if (next !== this.#passphrase) next.fill(0);
        throw error;
      }
      if (next !== this.#passphrase) this.hold(next);
    });
  }

  clear(): Promise<void> {
    return this.serially(async () => {
      await removeFile(this.file);
      this.hold(null);
    });
  }

  private async readEnvelope(): Promise<PassphraseEnvelope | null> {
    const bytes = await readFileIfExists(this.file);
    return bytes ? parseEnvelope(bytes.toString('utf8')) : null;
  }

  /** Keeps one passphrase at a time and wipes the bytes of the one it replaces. */
  private hold(passphrase: Buffer | null): void {
    this.#passphrase?.fill(0);
    this.#passphrase = passphrase;
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function encode(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}
