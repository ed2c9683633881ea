import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RpcError } from '@shared/client/rpc-error';
import { PolygonRestClient } from '../../src/main/node/adapters/polygon/rest-client';
import { referenceHandlers } from '../../src/main/node/market-data/reference-handlers';
import { SqliteBarStore } from '../../src/main/node/store/sqlite-bar-store';
import { openSqliteStore } from '../../src/main/node/store/database';
import { migrateToLatest } from '../../src/main/node/store/migrate';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { FakeTime } from '../support/fake-time';
import { inProcessClient, testEngine } from '../support/engine';
import { recordingLogger } from '../support/recording-logger';
import { tempDir } from '../support/temp-dir';

const KEY = 'ref-key-0f9e8d7c6b5a';
const DAY = Date.UTC(2026, 0, 5);
const fakes: FakePolygonServer[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const fake of fakes.splice(0)) await fake.close();
});

async function fakePolygon(): Promise<FakePolygonServer> {
  const fake = await FakePolygonServer.start({ symbols: ['AAPL'], apiKeys: [KEY], start: DAY + 86_400_000 });
  fakes.push(fake);
  return fake;
}

/** A real engine on a real SQLite file; the key and Polygon's URL come from the environment, as in production. */
async function engineWith(fake: FakePolygonServer, key: string | null, dataDir = tempDir()) {
  vi.stubEnv('POLYGON_API_KEY', key ?? '');
  vi.stubEnv('KESTREL_POLYGON_REST_URL', fake.restUrl);
  const engine = await testEngine({ dataDir });
  return { engine, client: inProcessClient(engine), dataDir };
}

async function failure(call: Promise<unknown>): Promise<RpcError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

describe('md.reference.search with Polygon', () => {
  it('stores the tickers Polygon finds, so they stay findable offline after a restart', async () => {
    const fake = await fakePolygon();
    const { engine, client, dataDir } = await engineWith(fake, KEY);
    expect(await client.call('md.instruments.search', { query: 'tesla' })).toEqual([]);

    const found = await client.call('md.reference.search', { query: 'tesla' });
    expect(found).toEqual([
      { symbol: 'TSLA', name: 'Tesla, Inc. Common Stock', assetClass: 'stock', exchange: 'XNAS', currency: 'USD', tickSize: '0.01', lotSize: '1', active: true },
    ]);
    const asked = fake.rest.requests.filter((r) => r.path === '/v3/reference/tickers');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ key: KEY, via: 'query' });
    expect(new URLSearchParams(asked[0]!.query).get('search')).toBe('tesla');
    expect((await client.call('md.instruments.search', { query: 'tesla' })).map((i) => i.symbol)).toEqual(['TSLA']);

    // Markets Kestrel cannot stream (fx, indices) are left out; crypto is kept.
    const usd = await client.call('md.reference.search', { query: 'usd' });
    expect(usd.map((i) => i.symbol)).toEqual(['X:BTCUSD']);
    expect(usd[0]).toMatchObject({ assetClass: 'crypto', lotSize: '0.00000001' });
    await engine.close();

    const offline = await engineWith(fake, null, dataDir);
    const before = fake.rest.requests.length;
    expect((await offline.client.call('md.reference.search', { query: 'tsl' })).map((i) => i.symbol)).toEqual(['TSLA']);
    expect((await offline.client.call('md.reference.search', { query: 'btc' })).map((i) => i.symbol)).toContain('X:BTCUSD');
    expect(fake.rest.requests.length).toBe(before);
  });

  it('merges local simulated instruments with Polygon results, exact symbol first, and reuses an answer for a minute', async () => {
    const fake = await fakePolygon();
    const { client } = await engineWith(fake, KEY);
    const symbols = (await client.call('md.reference.search', { query: 'AAPL' })).map((i) => i.symbol);
    expect(symbols[0]).toBe('SIM:AAPL');
    expect(symbols).toContain('AAPL');
    expect(new Set(symbols).size).toBe(symbols.length);
    await client.call('md.reference.search', { query: 'AAPL' });
    expect(fake.rest.requests.filter((r) => r.path === '/v3/reference/tickers')).toHaveLength(1);
  });

  it('without a key answers from the local instruments only and never fails', async () => {
    const fake = await fakePolygon();
    const { client } = await engineWith(fake, null);
    expect((await client.call('md.reference.search', { query: 'sim:aapl' })).map((i) => i.symbol)).toEqual(['SIM:AAPL']);
    expect(await client.call('md.reference.search', { query: 'tesla' })).toEqual([]);
    expect(fake.rest.requests).toEqual([]);
  });
});

describe('md.news with Polygon', () => {
  it('returns the symbol\'s headlines, newest first, without links that are not https', async () => {
    const fake = await fakePolygon();
    const { client } = await engineWith(fake, KEY);
    expect(await client.call('md.news', { symbol: 'TSLA' })).toEqual({
      available: true,
      reason: null,
      items: [
        {
          id: 't3',
          publishedAt: Date.UTC(2026, 0, 5, 16, 30),
          title: 'Tesla delivers',
          publisher: 'Example Wire',
          url: 'https://news.example/t3',
          tickers: ['TSLA'],
          summary: 'Tesla delivers: the story in one line.',
        },
      ],
    });
    const apple = await client.call('md.news', { symbol: 'AAPL', limit: 1 });
    expect(apple.items.map((n) => n.id)).toEqual(['n3']);
    expect((await client.call('md.news', { symbol: 'AAPL' })).items.map((n) => n.id)).toEqual(['n3', 'n2']);
    expect((await client.call('md.news', {})).items.map((n) => n.id)).toEqual(['t3', 'n3', 'n2', 'n1']);
    // One request per symbol within the minute, whatever the limit.
    const news = fake.rest.requests.filter((r) => r.path === '/v2/reference/news');
    expect(news.map((r) => new URLSearchParams(r.query).get('ticker'))).toEqual(['TSLA', 'AAPL', null]);
    expect(news.every((r) => r.key === KEY)).toBe(true);
  });

  it('without a key says so (available: false) and how to enable it', async () => {
    const fake = await fakePolygon();
    const { client } = await engineWith(fake, null);
    const result = await client.call('md.news', { symbol: 'AAPL' });
    expect(result).toMatchObject({ available: false, items: [] });
    expect(result.reason).toMatch(/POLYGON_API_KEY/);
    expect(fake.rest.requests).toEqual([]);
  });

  it('reports 429, 500 and a rejected key as UNAVAILABLE, with no key in the message or the log file', async () => {
    const fake = await fakePolygon();
    const { engine, client, dataDir } = await engineWith(fake, KEY);
    fake.failRest(10, 429);
    const limited = await failure(client.call('md.news', { symbol: 'MSFT' }));
    expect(limited.code).toBe('UNAVAILABLE');
    expect(limited.message).toMatch(/^News is unavailable: Polygon rate limit reached \(429\)/);

    fake.failRest(10, 500);
    const down = await failure(client.call('md.reference.search', { query: 'micro' }));
    expect(down.code).toBe('UNAVAILABLE');
    expect(down.message).toMatch(/^Ticker search is unavailable: Polygon answered HTTP 500/);
    fake.failRest(0);
    // A failure is not cached: the next ask reaches Polygon again.
    expect((await client.call('md.news', { symbol: 'MSFT' })).items.map((n) => n.id)).toEqual(['n2']);
    await engine.close();

    const wrong = await engineWith(fake, 'not-the-key-3141592', dataDir);
    const rejected = await failure(wrong.client.call('md.news', { symbol: 'AAPL' }));
    expect(rejected.code).toBe('UNAVAILABLE');
    expect(rejected.message).toMatch(/401.*POLYGON_API_KEY/);
    await wrong.engine.close();

    const log = readFileSync(join(dataDir, 'logs', 'engine.log'), 'utf8');
    expect(log).toContain('Polygon news request failed');
    expect(log).toContain('Polygon ticker search request failed');
    for (const secret of [KEY, 'not-the-key-3141592']) {
      expect(log).not.toContain(secret);
      for (const error of [limited, down, rejected]) expect(error.message).not.toContain(secret);
    }
  });

  it('reports a request Polygon never answers as UNAVAILABLE (timeout), logged without the key', async () => {
    const fake = await fakePolygon();
    const sqlite = openSqliteStore(join(tempDir(), 'kestrel.db'));
    await migrateToLatest(sqlite.db);
    const logger = recordingLogger();
    const rest = new PolygonRestClient({ baseUrl: fake.restUrl, apiKey: KEY, logger, timeoutMs: 100, maxAttempts: 1 });
    const handlers = referenceHandlers({ store: new SqliteBarStore(sqlite.sqlite), polygon: () => ({ rest, apiKey: KEY }), clock: new FakeTime(DAY), logger });
    fake.stallRest(1);
    await expect(handlers['md.news']({ symbol: 'AAPL' })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/did not answer within 100 ms/) });
    expect(logger.entries.map((e) => e.fields?.kind)).toEqual(['timeout']);
    expect(JSON.stringify(logger.entries)).not.toContain(KEY);
    await sqlite.close();
  });
});
