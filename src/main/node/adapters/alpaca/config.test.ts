import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { alpacaConfigFrom, AlpacaConfigError, alpacaKeysFromEnv, maskKeyId } from './config';

const settings = DEFAULT_SETTINGS.alpaca;

describe('alpacaConfigFrom', () => {
  it('picks the paper pair for the paper profile', () => {
    expect(alpacaConfigFrom(settings, 'paper', {})).toEqual({
      tradingUrl: 'https://paper-api.alpaca.markets',
      streamUrl: 'wss://paper-api.alpaca.markets/stream',
      dataStreamUrl: 'wss://stream.data.alpaca.markets',
      dataFeed: 'iex',
    });
  });

  it('picks the live pair for the live profile', () => {
    const config = alpacaConfigFrom({ ...settings, dataFeed: 'sip' }, 'live', {});
    expect(config).toEqual({
      tradingUrl: 'https://api.alpaca.markets',
      streamUrl: 'wss://api.alpaca.markets/stream',
      dataStreamUrl: 'wss://stream.data.alpaca.markets',
      dataFeed: 'sip',
    });
  });

  it('lets the environment override settings, trimming trailing slashes', () => {
    const config = alpacaConfigFrom(settings, 'live', {
      KESTREL_ALPACA_TRADING_URL: 'http://127.0.0.1:9100/',
      KESTREL_ALPACA_STREAM_URL: 'ws://127.0.0.1:9100/stream',
      KESTREL_ALPACA_DATA_URL: 'ws://127.0.0.1:9101//',
    });
    expect(config).toEqual({
      tradingUrl: 'http://127.0.0.1:9100',
      streamUrl: 'ws://127.0.0.1:9100/stream',
      dataStreamUrl: 'ws://127.0.0.1:9101',
      dataFeed: 'iex',
    });
  });

  it('refuses an override of the wrong kind, naming the variable', () => {
    expect(() => alpacaConfigFrom(settings, 'paper', { KESTREL_ALPACA_TRADING_URL: 'ws://x' })).toThrow(AlpacaConfigError);
    expect(() => alpacaConfigFrom(settings, 'paper', { KESTREL_ALPACA_STREAM_URL: 'https://x' })).toThrow(/KESTREL_ALPACA_STREAM_URL must use ws: or wss:/);
    expect(() => alpacaConfigFrom(settings, 'paper', { KESTREL_ALPACA_DATA_URL: 'not a url' })).toThrow(/KESTREL_ALPACA_DATA_URL is not a URL/);
  });
});

describe('alpacaKeysFromEnv', () => {
  it("reads Alpaca's own variable names, trimmed", () => {
    expect(alpacaKeysFromEnv({ APCA_API_KEY_ID: ' PKTEST1234567890ABCD ', APCA_API_SECRET_KEY: 'sekrit\n' })).toEqual({
      keyId: 'PKTEST1234567890ABCD',
      secret: 'sekrit',
    });
  });

  it('gives nothing unless both are set', () => {
    expect(alpacaKeysFromEnv({ APCA_API_KEY_ID: 'PKTEST1234567890ABCD' })).toBeNull();
    expect(alpacaKeysFromEnv({ APCA_API_SECRET_KEY: 'sekrit' })).toBeNull();
    expect(alpacaKeysFromEnv({ APCA_API_KEY_ID: '  ', APCA_API_SECRET_KEY: 'sekrit' })).toBeNull();
    expect(alpacaKeysFromEnv({})).toBeNull();
  });
});

describe('maskKeyId', () => {
  it('shows the first four and the last two characters only', () => {
    expect(maskKeyId('PKTEST1234567890ABCD')).toBe('PKTE…CD');
  });

  it('shows nothing of an id too short to mask', () => {
    expect(maskKeyId('PK123456789')).toBe('…');
    expect(maskKeyId('')).toBe('…');
  });
});
