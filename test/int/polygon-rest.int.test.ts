import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/main/core/ports/random';
import { PolygonApiError } from '../../src/main/node/adapters/polygon/errors';
import { PolygonRestClient, type PolygonRestOptions } from '../../src/main/node/adapters/polygon/rest-client';
import { aggregatePages, fetchInstruments, fetchNews } from '../../src/main/node/adapters/polygon/rest-endpoints';
import { fetchCompletedMinuteBars } from '../../src/main/node/adapters/polygon/backfill';
import { FakePolygonServer } from '../fakes/polygon/fake-polygon-server';
import { MINUTE_MS } from '../fakes/polygon/market-data';
import { recordingLogger } from '../support/recording-logger';

const DAY = Date.UTC(2026, 0, 5);
const fakes: FakePolygonServer[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});

async function setup(options: Partial<PolygonRestOptions> = {}) {
  const fake = await FakePolygonServer.start({ symbols: ['AAPL'], apiKeys: ['rest-key', 'basic-key'], start: DAY + 86_400_000, restForbidden: { 'basic-key': ['X:BTCUSD'] } });
  fakes.push(fake);
  const logger = recordingLogger();
  const rest = new PolygonRestClient({ baseUrl: fake.restUrl, apiKey: 'rest-key', logger, backoff: { baseMs: 5, capMs: 20 }, random: seededRandom(9), ...options });
  return { fake, rest, logger };
}

async function allBars(rest: PolygonRestClient, from: number | string, to: number | string, limit?: number) {
  const pages = [];
  for await (const page of aggregatePages(rest, { ticker: 'AAPL', multiplier: 1, timespan: 'minute', from, to, limit })) pages.push(page);
  return pages;
}

describe('Polygon REST client against the fake server', () => {
  it('follows next_url to the end, adding the key itself (next_url never carries it)', async () => {
    const { fake, rest } = await setup();
    const pages = await allBars(rest, '2026-01-05', '2026-01-05', 500);
    const expected = fake.market.minuteBars('AAPL', DAY, DAY + 86_400_000 - 1);
    expect(pages.length).toBe(Math.ceil(expected.length / 500));
    expect(pages.flat().map((b) => b.time)).toEqual(expected.map((b) => b.t));
    expect(pages.flat()[0]).toEqual({ time: expected[0]!.t, open: expected[0]!.o, high: expected[0]!.h, low: expected[0]!.l, close: expected[0]!.c, volume: expected[0]!.v, vwap: expected[0]!.vw, trades: expected[0]!.n });
    const paged = fake.rest.requests.filter((r) => r.query.includes('cursor='));
    expect(paged.length).toBe(pages.length - 1);
    expect(fake.rest.requests.every((r) => r.key === 'rest-key' && r.via === 'query')).toBe(true);
  });

  it('reads an empty answer (no results key) as no bars, and a 5-minute rollup', async () => {
    const { rest } = await setup();
    expect((await allBars(rest, '2030-01-01', '2030-01-02')).flat()).toEqual([]);
    const fives: number[] = [];
    for await (const page of aggregatePages(rest, { ticker: 'AAPL', multiplier: 5, timespan: 'minute', from: DAY, to: DAY + 3_600_000 - 1 })) fives.push(...page.map((b) => b.time));
    expect(fives.every((t) => t % (5 * MINUTE_MS) === 0)).toBe(true);
    expect(fives.length).toBeGreaterThan(8);
  });

  it('backs off from a 429 burst (no Retry-After) and succeeds; gives up after its attempts', async () => {
    const { fake, rest, logger } = await setup();
    fake.failRest(3, 429);
    expect((await allBars(rest, DAY, DAY + 10 * MINUTE_MS)).flat().length).toBeGreaterThan(0);
    expect(rest.retries).toBe(3);
    expect(logger.entries.filter((e) => e.message.includes('retrying')).map((e) => e.fields?.status)).toEqual([429, 429, 429]);

    const impatient = new PolygonRestClient({ baseUrl: fake.restUrl, apiKey: 'rest-key', logger, maxAttempts: 2, backoff: { baseMs: 1, capMs: 2 } });
    fake.failRest(5, 503);
    const error = await allBars(impatient, DAY, DAY + MINUTE_MS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolygonApiError);
    expect(error).toMatchObject({ kind: 'server', status: 503, retryable: true });
    expect(JSON.stringify(logger.entries)).not.toContain('rest-key');
  });

  it('retries a request that times out', async () => {
    const { fake, rest } = await setup({ timeoutMs: 150 });
    fake.stallRest(1);
    expect((await allBars(rest, DAY, DAY + 5 * MINUTE_MS)).flat().length).toBeGreaterThan(0);
    expect(rest.retries).toBe(1);
  });

  it('fails at once, with a clear typed error, on a bad key or a missing entitlement', async () => {
    const { fake } = await setup();
    const logger = recordingLogger();
    const wrong = new PolygonRestClient({ baseUrl: fake.restUrl, apiKey: 'nope', logger });
    await expect(allBars(wrong, DAY, DAY + MINUTE_MS)).rejects.toMatchObject({ kind: 'auth', status: 401, retryable: false, message: expect.stringMatching(/Unknown API Key/) });
    const basic = new PolygonRestClient({ baseUrl: fake.restUrl, apiKey: 'basic-key', logger, auth: 'bearer' });
    const error = await fetchCompletedMinuteBars(basic, 'X:BTCUSD', DAY, DAY + 10 * MINUTE_MS).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'entitlement', status: 403, message: expect.stringMatching(/not entitled/) });
    expect(fake.rest.requests.at(-1)).toMatchObject({ key: 'basic-key', via: 'bearer' });
    expect(fake.rest.requests.filter((r) => r.key === 'nope')).toHaveLength(1); // not retried
  });

  it('refuses to send the key to a host other than the configured one', async () => {
    const { rest } = await setup();
    await expect(rest.getJson('http://203.0.113.9/v2/aggs/x')).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('only returns finished minutes for a gap', async () => {
    const { fake, rest } = await setup();
    const now = fake.clock.now() + 30_000; // half-way through a minute the fake has not finished
    const bars = await fetchCompletedMinuteBars(rest, 'AAPL', fake.clock.now() - 10 * MINUTE_MS, now);
    expect(bars.every((b) => b.time + MINUTE_MS <= fake.clock.now())).toBe(true);
    expect(bars.map((b) => b.time)).toEqual(fake.market.minuteBars('AAPL', fake.clock.now() - 10 * MINUTE_MS, fake.clock.now() - MINUTE_MS).map((b) => b.t));
  });

  it('reads reference tickers (following pages) and news', async () => {
    const { rest } = await setup();
    const apple = await fetchInstruments(rest, { search: 'apple' });
    expect(apple.map((i) => i.symbol)).toEqual(['AAPL', 'APLE']);
    const all = await fetchInstruments(rest, { max: 10 });
    expect(all.find((i) => i.symbol === 'X:BTCUSD')).toMatchObject({ assetClass: 'crypto', currency: 'USD' });
    expect(all.find((i) => i.symbol === 'SPY')).toMatchObject({ assetClass: 'etf', exchange: 'ARCX' });
    const news = await fetchNews(rest, { ticker: 'AAPL' });
    expect(news.map((n) => n.id)).toEqual(['n3', 'n2']);
    expect(news[0]).toMatchObject({ publisher: 'Example Wire', published: Date.parse('2026-01-05T15:00:00Z'), tickers: ['AAPL'] });
  });
});
