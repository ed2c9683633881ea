import { DEFAULT_SETTINGS, type PolygonSettings } from '@shared/dto/settings';

/** Where the Polygon adapter connects, and with which key. The key is never logged. */
export interface PolygonConfig {
  /** REST base, e.g. https://api.polygon.io (no trailing slash). */
  restUrl: string;
  /** Full cluster URLs, e.g. wss://socket.polygon.io/stocks. */
  stocksWsUrl: string;
  cryptoWsUrl: string;
}

export const POLYGON_ENV = {
  restUrl: 'KESTREL_POLYGON_REST_URL',
  /** A socket base; `/stocks` and `/crypto` are appended, as on Polygon's own host. */
  wsUrl: 'KESTREL_POLYGON_WS_URL',
  apiKey: 'POLYGON_API_KEY',
} as const;

export class PolygonConfigError extends Error {
  override readonly name = 'PolygonConfigError';
}

function checkedUrl(value: string, protocols: readonly string[], what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PolygonConfigError(`${what} is not a URL: "${value}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new PolygonConfigError(`${what} must use ${protocols.join(' or ')} (got "${url.protocol}")`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * Settings first, then the environment on top: the environment is how tests, proxies and
 * CI point a build at another server without touching the user's stored settings.
 */
export function polygonConfigFrom(settings: PolygonSettings = DEFAULT_SETTINGS.polygon, env: NodeJS.ProcessEnv = {}): PolygonConfig {
  const restOverride = env[POLYGON_ENV.restUrl];
  const wsOverride = env[POLYGON_ENV.wsUrl];
  const wsBase = wsOverride ? checkedUrl(wsOverride, ['ws:', 'wss:'], POLYGON_ENV.wsUrl) : null;
  return {
    restUrl: checkedUrl(restOverride ?? settings.restUrl, ['http:', 'https:'], restOverride ? POLYGON_ENV.restUrl : 'polygon.restUrl'),
    stocksWsUrl: wsBase ? `${wsBase}/stocks` : checkedUrl(settings.stocksWsUrl, ['ws:', 'wss:'], 'polygon.stocksWsUrl'),
    cryptoWsUrl: wsBase ? `${wsBase}/crypto` : checkedUrl(settings.cryptoWsUrl, ['ws:', 'wss:'], 'polygon.cryptoWsUrl'),
  };
}

/** The user's key from the environment (stored, encrypted keys arrive with the Alpaca work). */
export function polygonApiKeyFrom(env: NodeJS.ProcessEnv): string | null {
  const key = env[POLYGON_ENV.apiKey]?.trim();
  return key ? key : null;
}
