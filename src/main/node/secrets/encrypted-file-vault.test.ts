import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileVault } from './encrypted-file-vault';
import { SecretVaultError, type AlpacaKeys } from './secret-vault';

const KEYS: AlpacaKeys = { keyId: 'PKTESTKEY0123456789Z', secret: 'sEcReT/abcdefghijklmnopqrstuvwxyz0123456789', profile: 'paper' };
const PASSPHRASE = 'correct horse battery staple';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kestrel-vault-'));
  file = join(dir, 'keys.vault');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<SecretVaultError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SecretVaultError);
  return error as SecretVaultError;
}

/** Every way a string could show up in a file's text: itself, hex, base64 at each byte alignment. */
function encodingsOf(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const shifted = [0, 1, 2].map((skip) => {
    // Drop the first characters whose encoding depends on the bytes before them.
    const encoded = Buffer.concat([Buffer.alloc(skip), bytes]).toString('base64');
    return encoded.slice(4, -4);
  });
  return [text, bytes.toString('hex'), bytes.toString('base64').replace(/=+$/, ''), ...shifted];
}

describe('EncryptedFileVault', () => {
  it('is empty and unlocked before anything is stored', async () => {
    const vault = new EncryptedFileVault(file);
    expect(vault.kind).toBe('encrypted-file');
    expect(vault.has()).toBe(false);
    expect(vault.locked()).toBe(false);
    expect(await vault.load()).toBeNull();
  });

  it('returns the keys it stored, also to a fresh vault on the same file after unlock', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.save(KEYS, PASSPHRASE);
    expect(vault.has()).toBe(true);
    expect(vault.locked()).toBe(false);
    expect(await vault.load()).toEqual(KEYS);

    const restarted = new EncryptedFileVault(file);
    expect(restarted.locked()).toBe(true);
    await restarted.unlock(PASSPHRASE);
    expect(restarted.locked()).toBe(false);
    expect(await restarted.load()).toEqual(KEYS);
  });

  it('gives the keys it opened from unlock itself, and null for an empty vault', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    expect(await new EncryptedFileVault(file).unlock(PASSPHRASE)).toEqual(KEYS);
    expect(await new EncryptedFileVault(`${file}.none`).unlock(PASSPHRASE)).toBeNull();
  });

  it('writes neither the key id nor the secret in any encoding, nor the passphrase', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const text = (await readFile(file)).toString('latin1');
    for (const needle of [...encodingsOf(KEYS.keyId), ...encodingsOf(KEYS.secret), ...encodingsOf(PASSPHRASE)]) {
      expect(text).not.toContain(needle);
    }
    expect(JSON.parse(text)).toMatchObject({ version: 1, kdf: 'scrypt', N: 32768, r: 8, p: 1 });
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by its owner only and leaves no temp file', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['keys.vault']);
  });

  it('refuses to load while locked', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const locked = new EncryptedFileVault(file);
    expect((await rejection(locked.load())).code).toBe('locked');
  });

  it('rejects a wrong passphrase, stays locked and leaves the file byte for byte', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const before = await readFile(file);
    const vault = new EncryptedFileVault(file);

    const error = await rejection(vault.unlock('correct horse battery stapler'));
    expect(error.code).toBe('wrong-passphrase');
    expect(error.message).not.toContain('stapler');
    expect(vault.locked()).toBe(true);
    expect(await readFile(file)).toEqual(before);

    await vault.unlock(PASSPHRASE);
    expect(await vault.load()).toEqual(KEYS);
  });

  it('keeps the right passphrase when a later unlock attempt is wrong', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.save(KEYS, PASSPHRASE);
    expect((await rejection(vault.unlock('not the passphrase'))).code).toBe('wrong-passphrase');
    expect(vault.locked()).toBe(false);
    expect(await vault.load()).toEqual(KEYS);
  });

  it('re-encrypts under the held passphrase when saved without one', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.save(KEYS, PASSPHRASE);
    const first = await readFile(file, 'utf8');
    const live: AlpacaKeys = { keyId: 'AKLIVEKEY987654321', secret: 'live-secret-0123456789abcdef', profile: 'live' };
    await vault.save(live);

    // A fresh salt and IV every time, never the same bytes twice.
    const second = JSON.parse(await readFile(file, 'utf8')) as { salt: string; iv: string };
    expect(second.salt).not.toBe((JSON.parse(first) as { salt: string }).salt);
    expect(second.iv).not.toBe((JSON.parse(first) as { iv: string }).iv);
    const restarted = new EncryptedFileVault(file);
    await restarted.unlock(PASSPHRASE);
    expect(await restarted.load()).toEqual(live);
  });

  it('moves the keys to a new passphrase given with save', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.save(KEYS, PASSPHRASE);
    await vault.save(KEYS, 'a brand new passphrase');

    const restarted = new EncryptedFileVault(file);
    expect((await rejection(restarted.unlock(PASSPHRASE))).code).toBe('wrong-passphrase');
    await restarted.unlock('a brand new passphrase');
    expect(await restarted.load()).toEqual(KEYS);
  });

  it('needs a passphrase for the first save, and an unlock or a passphrase to replace locked keys', async () => {
    const empty = new EncryptedFileVault(file);
    expect((await rejection(empty.save(KEYS))).code).toBe('passphrase-required');
    expect(empty.has()).toBe(false);

    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const before = await readFile(file);
    const locked = new EncryptedFileVault(file);
    expect((await rejection(locked.save({ ...KEYS, profile: 'live' }))).code).toBe('locked');
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses a passphrase shorter than 8 characters and empty keys', async () => {
    const vault = new EncryptedFileVault(file);
    expect((await rejection(vault.save(KEYS, 'seven77'))).code).toBe('weak-passphrase');
    const error = await rejection(vault.save({ ...KEYS, keyId: '' }, PASSPHRASE));
    expect(error.code).toBe('invalid-keys');
    expect(error.message).not.toContain(KEYS.secret);
    expect(vault.has()).toBe(false);
  });

  it('clear removes the file and forgets the passphrase', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.save(KEYS, PASSPHRASE);
    await vault.clear();
    expect(vault.has()).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(await vault.load()).toBeNull();
    expect((await rejection(vault.save(KEYS))).code).toBe('passphrase-required');
    await vault.clear(); // nothing left to remove: still fine
  });

  it('unlocking an empty vault does nothing and holds no passphrase', async () => {
    const vault = new EncryptedFileVault(file);
    await vault.unlock(PASSPHRASE);
    expect(vault.locked()).toBe(false);
    expect((await rejection(vault.save(KEYS))).code).toBe('passphrase-required');
  });

  it('detects a flipped bit in the ciphertext, the tag or the authenticated header', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const original = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const flip = (base64: unknown): string => {
      const bytes = Buffer.from(String(base64), 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };
    const tampered = [
      { ...original, ciphertext: flip(original.ciphertext) },
      { ...original, tag: flip(original.tag) },
      { ...original, iv: flip(original.iv) },
      { ...original, salt: flip(original.salt) },
      { ...original, N: 16384 },
    ];
    for (const body of tampered) {
      await writeFile(file, JSON.stringify(body));
      const error = await rejection(new EncryptedFileVault(file).unlock(PASSPHRASE));
      expect(error.code).toBe('wrong-passphrase');
    }
  });

  it('reports a damaged or foreign file as corrupt and leaves it in place', async () => {
    const vault = new EncryptedFileVault(file);
    for (const text of ['', 'not json', '{"version":2,"kdf":"scrypt"}', JSON.stringify({ version: 1, kdf: 'scrypt', N: 2 ** 24, r: 8, p: 1 })]) {
      await writeFile(file, text);
      const error = await rejection(vault.unlock(PASSPHRASE));
      expect(error.code).toBe('corrupt');
      expect(await readFile(file, 'utf8')).toBe(text);
    }
  });

  it('refuses a cost that would make scrypt allocate gigabytes', async () => {
    await new EncryptedFileVault(file).save(KEYS, PASSPHRASE);
    const body = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...body, N: 2 ** 24 }));
    expect((await rejection(new EncryptedFileVault(file).unlock(PASSPHRASE))).code).toBe('corrupt');
  });

  it('runs concurrent saves one after the other, ending with the last', async () => {
    const vault = new EncryptedFileVault(file);
    const live: AlpacaKeys = { ...KEYS, profile: 'live' };
    await Promise.all([vault.save(KEYS, PASSPHRASE), vault.save(live), vault.clear(), vault.save(KEYS, PASSPHRASE), vault.save(live)]);
    const restarted = new EncryptedFileVault(file);
    await restarted.unlock(PASSPHRASE);
    expect(await restarted.load()).toEqual(live);
    expect(await readdir(dir)).toEqual(['keys.vault']);
  });

  it('opens with the same passphrase in another Unicode normal form', async () => {
    const composed = 'caf\u00e9 au lait, noir';
    const decomposed = 'cafe\u0301 au lait, noir';
    await new EncryptedFileVault(file).save(KEYS, composed);
    const restarted = new EncryptedFileVault(file);
    await restarted.unlock(decomposed);
    expect(await restarted.load()).toEqual(KEYS);
  });
});
