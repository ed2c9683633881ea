import { z } from 'zod';
import { TradingMode } from './system';

/**
 * Which broker the engine trades through and how it is doing. Keys never cross this
 * boundary towards the renderer: the UI sees only a masked key id (first 4 … last 2).
 */
export const BrokerKind = z.enum(['paper', 'alpaca']);
export type BrokerKind = z.infer<typeof BrokerKind>;

/** connected: stream and REST healthy; degraded: REST or the stream failing, retrying; down: unusable. */
export const BrokerState = z.enum(['connecting', 'connected', 'degraded', 'down']);
export type BrokerState = z.infer<typeof BrokerState>;

export const BrokerStatus = z.strictObject({
  broker: BrokerKind,
  mode: TradingMode,
  state: BrokerState,
  /** e.g. "Paper broker (simulated fills)" or "Alpaca paper · PKAB…XZ". */
  label: z.string(),
  maskedKeyId: z.string().nullable(),
  /** Why degraded or down; null when healthy. */
  detail: z.string().nullable(),
  /** Stored Alpaca keys exist (perhaps locked behind a passphrase). */
  storedKeys: z.boolean(),
  /** Stored keys need the passphrase before they can be used (serve mode). */
  locked: z.boolean(),
  /** Where stored keys live: "electron-safe-storage", "encrypted-file" or none. */
  vault: z.enum(['electron-safe-storage', 'encrypted-file', 'environment', 'none']),
  since: z.number().int(),
});
export type BrokerStatus = z.infer<typeof BrokerStatus>;

const KeyId = z.string().trim().regex(/^[A-Za-z0-9]{8,64}$/, 'An Alpaca key id is 8–64 letters and digits');
const Secret = z.string().trim().min(16, 'The secret key looks too short').max(128);
/** The vault's passphrase rule, shared by the form, the contract and the vault. */
export const MIN_PASSPHRASE_LENGTH = 8;
const Passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`).max(256);

/**
 * Keys from the Settings form. Live needs `confirmLive: true` — the form asks the user to
 * type LIVE — so real money is never traded by accident.
 */
export const AlpacaConnect = z
  .strictObject({
    keyId: KeyId,
    secret: Secret,
    profile: TradingMode,
    confirmLive: z.boolean().default(false),
    /** Serve mode: the stored keys are encrypted under it (desktop uses the OS's safe storage). */
    passphrase: Passphrase.optional(),
  })
  .refine((value) => value.profile !== 'live' || value.confirmLive, {
    message: 'Trading live needs an explicit confirmation',
    path: ['confirmLive'],
  });
export type AlpacaConnect = z.infer<typeof AlpacaConnect>;

export const AlpacaUnlock = z.strictObject({ passphrase: Passphrase });
export type AlpacaUnlock = z.infer<typeof AlpacaUnlock>;

/** One difference found when the journal was compared with the broker, and what was done. */
export const ReconciliationDifference = z.strictObject({
  kind: z.enum(['order_status', 'missed_fill', 'unknown_order', 'position', 'cash']),
  symbol: z.string().nullable(),
  orderId: z.string().nullable(),
  message: z.string(),
});
export type ReconciliationDifference = z.infer<typeof ReconciliationDifference>;

export const ReconciliationReport = z.strictObject({
  time: z.number().int(),
  broker: BrokerKind,
  /** start, reconnect or manual. */
  reason: z.enum(['start', 'reconnect', 'manual']),
  differences: z.array(ReconciliationDifference),
});
export type ReconciliationReport = z.infer<typeof ReconciliationReport>;
