import { DEFAULT_SETTINGS, type AlpacaSettings } from '@shared/dto/settings';

export type AlpacaProfile = 'paper' | 'live';

/** Where the Alpaca adapter connects for one profile. Keys are separate: see alpacaKeysFromEnv. */
export interface AlpacaConfig {
  /** Trading REST base, e.g. https://paper-api.alpaca.markets (no trailing slash). */
  tradingUrl: string;
  /** Trading stream (trade_updates), e.g. wss://paper-api.alpaca.markets/stream. */
  streamUrl: string;
  /** Market data stream base, e.g. wss://stream.data.alpaca.markets; `/v2/{feed}` is appended. */
  dataStreamUrl: string;
  dataFeed: AlpacaSettings['dataFeed'];
}

export interface AlpacaKeys {
  keyId: string;
  secret: string;
}

export const ALPACA_ENV = {
  tradingUrl: 'KESTREL_ALPACA_TRADING_URL',
  streamUrl: 'KESTREL_ALPACA_STREAM_URL',
  /** The market data stream base. */
  dataUrl: 'KESTREL_ALPACA_DATA_URL',
  /** Alpaca's own names, as its SDKs read them. */
  keyId: 'APCA_API_KEY_ID',
  secret: 'APCA_API_SECRET_KEY',
} as const;

export class AlpacaConfigError extends Error {
  override readonly name = 'AlpacaConfigError';
}

function checkedUrl(value: string, protocols: readonly string[], what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AlpacaConfigError(`${what} is not a URL: "${value}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new AlpacaConfigError(`${what} must use ${protocols.join(' or ')} (got "${url.protocol}")`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * The profile picks the trading and stream pair from settings; the environment goes on top,
 * as for Polygon, so tests and proxies point a build at another server without touching the
 * user's settings. Overrides apply to whichever profile is chosen.
 */
export function alpacaConfigFrom(
  settings: AlpacaSettings = DEFAULT_SETTINGS.alpaca,
  profile: AlpacaProfile = settings.profile,
  env: NodeJS.ProcessEnv = {},
): AlpacaConfig {
  const pick = (name: string, fallback: string, setting: string, protocols: readonly string[]) => {
    const override = env[name];
    return override ? checkedUrl(override, protocols, name) : checkedUrl(fallback, protocols, `alpaca.${setting}`);
  };
  const live = profile === 'live';
  return {
    tradingUrl: pick(ALPACA_ENV.tradingUrl, live ? settings.liveTradingUrl : settings.paperTradingUrl, live ? 'liveTradingUrl' : 'paperTradingUrl', ['http:', 'https:']),
    streamUrl: pick(ALPACA_ENV.streamUrl, live ? settings.liveStreamUrl : settings.paperStreamUrl, live ? 'liveStreamUrl' : 'paperStreamUrl', ['ws:', 'wss:']),
    dataStreamUrl: pick(ALPACA_ENV.dataUrl, settings.dataStreamUrl, 'dataStreamUrl', ['ws:', 'wss:']),
    dataFeed: settings.dataFeed,
  };
}

/** Both keys from the environment, trimmed; null unless both are present. */
export function alpacaKeysFromEnv(env: NodeJS.ProcessEnv): AlpacaKeys | null {
  const keyId = env[ALPACA_ENV.keyId]?.trim();
  const secret = env[ALPACA_ENV.secret]?.trim();
  return keyId && secret ? { keyId, secret } : null;
}

/** Shorter ids are not shown at all: 4 + 2 characters of an 8-character id is most of it. */
const SHORTEST_MASKABLE = 12;

/**
 * A key id safe for logs and the UI: its first 4 and last 2 characters ("PKAB…9Z"), never more.
 * The secret is never shown in any form.
 */
export function maskKeyId(keyId: string): string {
  const id = keyId.trim();
  if (id.length < SHORTEST_MASKABLE) return '…';
  return `${id.slice(0, 4)}…${id.slice(-2)}`;
}
