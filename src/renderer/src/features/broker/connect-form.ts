import { AlpacaConnect } from '@shared/dto/broker';
import type { TradingMode } from '@shared/dto/system';

/** What the user types to arm a live connection: real money never trades by accident. */
export const LIVE_CONFIRMATION = 'LIVE';

/** The Connect form while it is being filled in. The secret lives here only until it is sent. */
export interface ConnectDraft {
  keyId: string;
  secret: string;
  profile: TradingMode;
  liveConfirm: string;
  passphrase: string;
}

export const EMPTY_CONNECT_DRAFT: ConnectDraft = { keyId: '', secret: '', profile: 'paper', liveConfirm: '', passphrase: '' };

export function liveConfirmed(draft: ConnectDraft): boolean {
  return draft.profile === 'paper' || draft.liveConfirm.trim() === LIVE_CONFIRMATION;
}

/** Connect enables once both keys are there and, for live, LIVE has been typed. */
export function canConnect(draft: ConnectDraft): boolean {
  return draft.keyId.trim() !== '' && draft.secret.trim() !== '' && liveConfirmed(draft);
}

export type ConnectRequest = { ok: true; params: AlpacaConnect } | { ok: false; error: string };

/**
 * The request for 'broker.alpaca.connect', checked against the contract's own schema so the
 * user hears about a malformed key before it travels. The passphrase goes only where the
 * form shows it (a headless engine), and only when filled in.
 */
export function connectRequest(draft: ConnectDraft, withPassphrase: boolean): ConnectRequest {
  const passphrase = withPassphrase && draft.passphrase !== '' ? draft.passphrase : undefined;
  const parsed = AlpacaConnect.safeParse({
    keyId: draft.keyId,
    secret: draft.secret,
    profile: draft.profile,
    confirmLive: draft.profile === 'live' && liveConfirmed(draft),
    ...(passphrase === undefined ? {} : { passphrase }),
  });
  if (parsed.success) return { ok: true, params: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? 'The keys are not valid' };
}
