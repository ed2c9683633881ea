import { describe, expect, it } from 'vitest';
import { SecretVaultError } from './secret-vault';
import { decodeKeys, encodeKeys } from './stored-keys';

describe('stored keys', () => {
  it('round-trips the key id, the secret and the profile, and nothing else', () => {
    const extra = { keyId: 'PKABCDEF12345678', secret: 'shh-0123456789abcdef', profile: 'live' as const, note: 'x' };
    const text = encodeKeys(extra);
    expect(JSON.parse(text)).toEqual({ keyId: 'PKABCDEF12345678', secret: 'shh-0123456789abcdef', profile: 'live' });
    expect(decodeKeys(text)).toEqual({ keyId: 'PKABCDEF12345678', secret: 'shh-0123456789abcdef', profile: 'live' });
  });

  it('refuses an empty secret without quoting the keys back', () => {
    const attempt = () => encodeKeys({ keyId: 'PKABCDEF12345678', secret: '', profile: 'paper' });
    expect(attempt).toThrow(SecretVaultError);
    expect(attempt).toThrow(/key id, a secret and a paper or live profile/);
    expect(attempt).not.toThrow(/PKABCDEF/);
  });

  it('calls unknown plaintext corrupt', () => {
    for (const text of ['', 'null', '{"keyId":"a","secret":"b","profile":"demo"}', '{"keyId":"a","secret":"b","profile":"paper","x":1}']) {
      expect(() => decodeKeys(text)).toThrow(expect.objectContaining({ code: 'corrupt' }));
    }
  });
});
