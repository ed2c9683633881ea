import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { SecretVaultError } from './secret-vault';

/** scrypt cost: about 32 MiB and a tenth of a second per guess; r and p as the scrypt paper. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/** What the vault file holds: AES-256-GCM under a scrypt key. All bytes base64. */
export interface PassphraseEnvelope extends ScryptCost {
  readonly version: 1;
  readonly kdf: 'scrypt';
  readonly salt: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** scrypt needs ~128·r·N bytes; above this a file could make us allocate without bound. */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

const base64 = (bytes: number | null) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((text) => bytes === null || Buffer.from(text, 'base64').length === bytes);

const Envelope = z
  .strictObject({
    version: z.literal(1),
    kdf: z.literal('scrypt'),
    N: z.number().int().min(2).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64(SALT_BYTES),
    iv: base64(IV_BYTES),
    tag: base64(TAG_BYTES),
    ciphertext: base64(null).refine((text) => text.length > 0),
  })
  .refine((value) => scryptMemory(value) <= MAX_SCRYPT_MEMORY, 'scrypt cost too high');

/** Encrypts under a fresh salt and IV; the header is authenticated too, so no field can be swapped. */
export async function sealEnvelope(plaintext: string, passphrase: Uint8Array, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<PassphraseEnvelope> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header = { version: 1 as const, kdf: 'scrypt' as const, N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64') };
  const key = await deriveKey(passphrase, salt, cost);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(additionalData(header));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return { ...header, iv: iv.toString('base64'), tag: tag.toString('base64'), ciphertext: ciphertext.toString('base64') };
  } finally {
    key.fill(0);
  }
}

/** The plaintext; 'wrong-passphrase' when GCM refuses it (wrong passphrase or altered bytes). */
export async function openEnvelope(envelope: PassphraseEnvelope, passphrase: Uint8Array): Promise<string> {
  const key = await deriveKey(passphrase, Buffer.from(envelope.salt, 'base64'), envelope);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(envelope));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()]);
    return plaintext.toString('utf8');
  } catch {
    throw new SecretVaultError('wrong-passphrase', 'Wrong passphrase, or the key file was altered');
  } finally {
    key.fill(0);
  }
}

/** The envelope in a vault file's text; 'corrupt' for anything we did not write. */
export function parseEnvelope(text: string): PassphraseEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw new SecretVaultError('corrupt', 'The key file is not valid JSON');
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) throw new SecretVaultError('corrupt', 'The key file is damaged or from an unknown version');
  return parsed.data;
}

export function serializeEnvelope(envelope: PassphraseEnvelope): string {
  const { version, kdf, N, r, p, salt, iv, tag, ciphertext } = envelope;
  return `${JSON.stringify({ version, kdf, N, r, p, salt, iv, tag, ciphertext }, null, 2)}\n`;
}

type Header = Pick<PassphraseEnvelope, 'version' | 'kdf' | 'N' | 'r' | 'p' | 'salt'>;

function additionalData(header: Header): Buffer {
  return Buffer.from(`kestrel-keys:v${header.version}:${header.kdf}:${header.N}:${header.r}:${header.p}:${header.salt}`, 'utf8');
}

function scryptMemory(cost: ScryptCost): number {
  return 128 * cost.r * (cost.N + cost.p + 2);
}

/** Async scrypt: a tenth of a second off the main thread, so the engine keeps serving. */
function deriveKey(passphrase: Uint8Array, salt: Uint8Array, cost: ScryptCost): Promise<Buffer> {
  const options = { N: cost.N, r: cost.r, p: cost.p, maxmem: scryptMemory(cost) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase, salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
