import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { polygonApiKeyFrom, polygonConfigFrom, PolygonConfigError } from './config';

describe('polygonConfigFrom', () => {
  it('uses the real endpoints by default', () => {
    expect(polygonConfigFrom(DEFAULT_SETTINGS.polygon, {})).toEqual({
      restUrl: 'https://api.polygon.io',
      stocksWsUrl: 'wss://socket.polygon.io/stocks',
      cryptoWsUrl: 'wss://socket.polygon.io/crypto',
    });
  });

  it('lets the environment override settings, appending the cluster paths to the socket base', () => {
    const config = polygonConfigFrom(DEFAULT_SETTINGS.polygon, {
      KESTREL_POLYGON_REST_URL: 'http://127.0.0.1:9000/',
      KESTREL_POLYGON_WS_URL: 'ws://127.0.0.1:9001',
    });
    expect(config).toEqual({ restUrl: 'http://127.0.0.1:9000', stocksWsUrl: 'ws://127.0.0.1:9001/stocks', cryptoWsUrl: 'ws://127.0.0.1:9001/crypto' });
  });

  it('refuses an override of the wrong kind', () => {
    expect(() => polygonConfigFrom(DEFAULT_SETTINGS.polygon, { KESTREL_POLYGON_WS_URL: 'http://x' })).toThrow(PolygonConfigError);
    expect(() => polygonConfigFrom(DEFAULT_SETTINGS.polygon, { KESTREL_POLYGON_REST_URL: 'nope' })).toThrow(/KESTREL_POLYGON_REST_URL/);
  });

  it('reads the key from POLYGON_API_KEY, ignoring blanks', () => {
    expect(polygonApiKeyFrom({ POLYGON_API_KEY: ' abc ' })).toBe('abc');
    expect(polygonApiKeyFrom({ POLYGON_API_KEY: '  ' })).toBeNull();
    expect(polygonApiKeyFrom({})).toBeNull();
  });
});
