import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECT_DRAFT, canConnect, connectRequest, type ConnectDraft } from './connect-form';

const KEYS: ConnectDraft = { ...EMPTY_CONNECT_DRAFT, keyId: 'PKABCDEFGH12', secret: 'abcdefghijklmnopqrstuvwx' };

describe('the Connect form', () => {
  it('waits for both keys', () => {
    expect(canConnect(EMPTY_CONNECT_DRAFT)).toBe(false);
    expect(canConnect({ ...KEYS, secret: '  ' })).toBe(false);
    expect(canConnect(KEYS)).toBe(true);
  });

  it('arms live only once LIVE is typed exactly', () => {
    const live: ConnectDraft = { ...KEYS, profile: 'live' };
    expect(canConnect(live)).toBe(false);
    expect(canConnect({ ...live, liveConfirm: 'live' })).toBe(false);
    expect(canConnect({ ...live, liveConfirm: ' LIVE ' })).toBe(true);
  });

  it('sends confirmLive only for a confirmed live profile', () => {
    expect(connectRequest({ ...KEYS, profile: 'live', liveConfirm: 'LIVE' }, false)).toEqual({
      ok: true,
      params: { keyId: 'PKABCDEFGH12', secret: 'abcdefghijklmnopqrstuvwx', profile: 'live', confirmLive: true },
    });
    expect(connectRequest({ ...KEYS, liveConfirm: 'LIVE' }, false)).toMatchObject({ ok: true, params: { profile: 'paper', confirmLive: false } });
  });

  it('refuses an unconfirmed live request with the contract message', () => {
    expect(connectRequest({ ...KEYS, profile: 'live' }, false)).toEqual({ ok: false, error: 'Trading live needs an explicit confirmation' });
  });

  it('adds the passphrase only where the form shows it and it was filled in', () => {
    const draft = { ...KEYS, passphrase: 'correct horse' };
    expect(connectRequest(draft, true)).toMatchObject({ ok: true, params: { passphrase: 'correct horse' } });
    const desktop = connectRequest(draft, false);
    expect(desktop.ok && 'passphrase' in desktop.params).toBe(false);
    const empty = connectRequest(KEYS, true);
    expect(empty.ok && 'passphrase' in empty.params).toBe(false);
  });

  it('explains a malformed key without echoing it', () => {
    const outcome = connectRequest({ ...KEYS, keyId: 'PK-AB', secret: 'short' }, false);
    expect(outcome).toEqual({ ok: false, error: 'An Alpaca key id is 8–64 letters and digits' });
  });

  it('trims the keys as the engine would', () => {
    expect(connectRequest({ ...KEYS, keyId: ' PKABCDEFGH12 ' }, false)).toMatchObject({ ok: true, params: { keyId: 'PKABCDEFGH12' } });
  });
});
